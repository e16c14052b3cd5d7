import type { Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import type { Actor } from '../auth/actor.ts';
import { policies } from '../auth/permissions.ts';
import { recordAudit } from '../audit/service.ts';
import { loadAssignmentContext } from '../assignments/context.ts';
import { refreshTaskStatus } from '../assignments/status.ts';
import type { ExtensionRequestsTable, Database } from '../db/types.ts';
import { nowIso, vietnamDate } from '../domain/time.ts';
import { onExtensionDecided, onExtensionRequested } from '../notifications/events.ts';
import { AppError, transitioned } from '../errors.ts';
import { isoDate, optionalText, requiredText } from '../http/schemas.ts';

export const extensionRequestBody = z.object({ requestedDueOn: isoDate, reason: requiredText(5000) });
export const decisionBody = z.object({ decision: z.enum(['approve', 'refuse']), comment: optionalText(5000) });

export const extensionView = z.object({
  id: z.number(),
  assignmentId: z.number(),
  previousDueOn: z.string().nullable(),
  requestedDueOn: z.string(),
  reason: z.string(),
  state: z.string(),
  requestedBy: z.number().nullable(),
  requestedAt: z.string(),
  decidedBy: z.number().nullable(),
  decidedAt: z.string().nullable(),
  decisionComment: z.string().nullable(),
});
type ExtensionRow = Selectable<ExtensionRequestsTable>;
type ExtensionView = z.infer<typeof extensionView>;


function present(r: ExtensionRow): ExtensionView {
  return {
    id: r.id,
    assignmentId: r.assignment_id,
    previousDueOn: r.previous_due_on,
    requestedDueOn: r.requested_due_on,
    reason: r.reason,
    state: r.state,
    requestedBy: r.requested_by,
    requestedAt: r.requested_at,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at,
    decisionComment: r.decision_comment,
  };
}

export async function requestExtension(db: Kysely<Database>, actor: Actor, assignmentId: number, input: z.infer<typeof extensionRequestBody>): Promise<ExtensionView> {
  return db.transaction().execute(async (trx) => {
    const ctx = await loadAssignmentContext(trx, assignmentId);
    if (!policies.extension.request(actor, ctx.ref)) throw new AppError('forbidden', 'Chỉ lãnh đạo cơ quan được giao mới đề nghị gia hạn.');
    if (ctx.assignment.state !== 'open') throw new AppError('invalid_state', 'Chỉ gia hạn được phân công đang thực hiện.');
    if (!ctx.assignment.due_on) throw new AppError('invalid_state', 'Nhiệm vụ không có thời hạn cụ thể nên không cần gia hạn.');
    if (input.requestedDueOn <= ctx.assignment.due_on) {
      throw new AppError('validation_failed', 'Thời hạn đề nghị phải sau thời hạn hiện tại.', { fields: [{ field: 'body.requestedDueOn', message: `Phải sau ${ctx.assignment.due_on}` }] });
    }
    const pending = await trx.selectFrom('extension_requests').select('id').where('assignment_id', '=', assignmentId).where('state', '=', 'pending').executeTakeFirst();
    if (pending) throw new AppError('conflict', 'Đã có một đề nghị gia hạn đang chờ quyết định.');
    const row = await trx
      .insertInto('extension_requests')
      .values({ assignment_id: assignmentId, previous_due_on: ctx.assignment.due_on, requested_due_on: input.requestedDueOn, reason: input.reason, state: 'pending', requested_by: actor.userId, requested_at: nowIso() })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, { action: 'request', entityType: 'extension_request', entityId: row.id, after: row });
    const org = await trx.selectFrom('orgs').select('name').where('id', '=', ctx.assignment.org_id).executeTakeFirstOrThrow();
    await onExtensionRequested(trx, ctx, row.id, row.requested_due_on, org.name);
    return present(row);
  });
}

/** Approving moves the due date (history kept); the original date stays for judging lateness. */
export async function decideExtension(db: Kysely<Database>, actor: Actor, id: number, input: z.infer<typeof decisionBody>): Promise<ExtensionView> {
  return db.transaction().execute(async (trx) => {
    const request = await trx.selectFrom('extension_requests').selectAll().where('id', '=', id).executeTakeFirst();
    if (!request) throw new AppError('not_found', `Không tìm thấy đề nghị gia hạn #${id}.`);
    const ctx = await loadAssignmentContext(trx, request.assignment_id);
    if (!policies.extension.decide(actor, ctx.ref)) throw new AppError('forbidden', 'Chỉ cơ quan theo dõi hoặc lãnh đạo UBND quyết định gia hạn.');
    if (request.state !== 'pending') throw new AppError('invalid_state', 'Đề nghị này đã được quyết định.');
    // The request is about the date it asked to move: if the assignment has moved on (completed, a new year), it lapses.
    if (ctx.assignment.state !== 'open' || ctx.assignment.due_on !== request.previous_due_on) {
      throw new AppError('invalid_state', 'Phân công đã thay đổi (hoàn thành, đổi hạn hoặc sang kỳ mới) sau khi đề nghị gia hạn; đề nghị không còn hiệu lực.');
    }
    if (input.decision === 'refuse' && !input.comment?.trim()) {
      throw new AppError('validation_failed', 'Cần ghi lý do khi không đồng ý gia hạn.', { fields: [{ field: 'body.comment', message: 'Bắt buộc khi từ chối' }] });
    }
    const now = nowIso();
    const row = await trx
      .updateTable('extension_requests')
      .set({ state: input.decision === 'approve' ? 'approved' : 'refused', decided_by: actor.userId, decided_at: now, decision_comment: input.comment ?? null })
      .where('id', '=', id)
      .where('state', '=', 'pending')
      .returningAll()
      .executeTakeFirst()
      .then(transitioned);
    if (input.decision === 'approve') {
      await trx.updateTable('assignments').set({ due_on: request.requested_due_on, updated_at: now }).where('id', '=', ctx.assignment.id).execute();
      await trx
        .insertInto('assignment_due_changes')
        .values({ assignment_id: ctx.assignment.id, old_due_on: ctx.assignment.due_on, new_due_on: request.requested_due_on, reason: `Gia hạn: ${request.reason}`, extension_request_id: id, changed_by: actor.userId, changed_at: now })
        .execute();
      await refreshTaskStatus(trx, ctx.task.id);
    }
    await onExtensionDecided(trx, ctx, id, input.decision === 'approve', request.requested_due_on, row.decision_comment);
    await recordAudit(trx, actor, { action: input.decision, entityType: 'extension_request', entityId: id, before: { state: request.state }, after: { state: row.state, comment: row.decision_comment, decidedOn: vietnamDate() } });
    return present(row);
  });
}

export async function listExtensions(db: Kysely<Database>, actor: Actor, assignmentId: number): Promise<ExtensionView[]> {
  const ctx = await loadAssignmentContext(db, assignmentId);
  if (!policies.assignment.read(actor, ctx.ref)) throw new AppError('forbidden');
  const rows = await db.selectFrom('extension_requests').selectAll().where('assignment_id', '=', assignmentId).orderBy('id').execute();
  return rows.map(present);
}
