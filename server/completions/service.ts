import type { Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import type { Actor } from '../auth/actor.ts';
import { policies } from '../auth/permissions.ts';
import { recordAudit } from '../audit/service.ts';
import { closeOccurrence } from '../assignments/annual.ts';
import { loadAssignmentContext } from '../assignments/context.ts';
import { refreshTaskStatus } from '../assignments/status.ts';
import type { CompletionProposalsTable, Database } from '../db/types.ts';
import { nowIso, vietnamDate } from '../domain/time.ts';
import { onCompletionDecided, onCompletionProposed } from '../notifications/events.ts';
import { AppError, transitioned } from '../errors.ts';
import { assertCanAttachFile } from '../files/access.ts';
import { isoDate, optionalText, requiredText } from '../http/schemas.ts';
import { evidenceBody } from '../reports/schemas.ts';

export const completionProposalBody = z.object({
  productNote: requiredText(5000).describe('Sản phẩm đã hoàn thành (ví dụ: Quyết định số 123/QĐ-UBND ngày 10/3/2025)'),
  evidence: z.array(evidenceBody).max(20).default([]),
});
export const verificationBody = z.object({
  decision: z.enum(['verify', 'refuse']),
  completedOn: isoDate.optional().describe('Ngày hoàn thành được xác nhận (mặc định: ngày đề nghị)'),
  comment: optionalText(5000),
});

export const completionView = z.object({
  id: z.number(),
  assignmentId: z.number(),
  productNote: z.string(),
  state: z.string(),
  proposedBy: z.number().nullable(),
  proposedAt: z.string(),
  decidedBy: z.number().nullable(),
  decidedAt: z.string().nullable(),
  completedOn: z.string().nullable(),
  decisionComment: z.string().nullable(),
});
type Row = Selectable<CompletionProposalsTable>;
type View = z.infer<typeof completionView>;


const present = (r: Row): View => ({
  id: r.id,
  assignmentId: r.assignment_id,
  productNote: r.product_note,
  state: r.state,
  proposedBy: r.proposed_by,
  proposedAt: r.proposed_at,
  decidedBy: r.decided_by,
  decidedAt: r.decided_at,
  completedOn: r.completed_on,
  decisionComment: r.decision_comment,
});

export async function proposeCompletion(db: Kysely<Database>, actor: Actor, assignmentId: number, input: z.infer<typeof completionProposalBody>): Promise<View> {
  return db.transaction().execute(async (trx) => {
    const ctx = await loadAssignmentContext(trx, assignmentId);
    if (!policies.completion.propose(actor, ctx.ref)) throw new AppError('forbidden', 'Chỉ lãnh đạo cơ quan được giao mới đề nghị xác nhận hoàn thành.');
    if (ctx.assignment.state !== 'open') throw new AppError('invalid_state', 'Phân công không ở trạng thái đang thực hiện.');
    const pending = await trx.selectFrom('completion_proposals').select('id').where('assignment_id', '=', assignmentId).where('state', '=', 'pending').executeTakeFirst();
    if (pending) throw new AppError('conflict', 'Đã có đề nghị xác nhận hoàn thành đang chờ.');
    const now = nowIso();
    const row = await trx
      .insertInto('completion_proposals')
      .values({ assignment_id: assignmentId, product_note: input.productNote, state: 'pending', proposed_by: actor.userId, proposed_at: now })
      .returningAll()
      .executeTakeFirstOrThrow();
    for (const e of input.evidence) {
      if (e.fileId) await assertCanAttachFile(trx, actor, e.fileId);
      await trx
        .insertInto('evidence')
        .values({ progress_report_id: null, completion_proposal_id: row.id, doc_number: e.docNumber ?? null, doc_date: e.docDate ?? null, url: e.url ?? null, file_id: e.fileId ?? null, note: e.note ?? null, created_by: actor.userId, created_at: now })
        .execute();
    }
    await recordAudit(trx, actor, { action: 'propose', entityType: 'completion_proposal', entityId: row.id, after: { ...row, evidence: input.evidence } });
    const org = await trx.selectFrom('orgs').select('name').where('id', '=', ctx.assignment.org_id).executeTakeFirstOrThrow();
    await onCompletionProposed(trx, ctx, row.id, org.name);
    return present(row);
  });
}

/** Verifying completes the assignment on the confirmed date; it stops asking for reports. */
export async function verifyCompletion(db: Kysely<Database>, actor: Actor, id: number, input: z.infer<typeof verificationBody>): Promise<View> {
  return db.transaction().execute(async (trx) => {
    const proposal = await trx.selectFrom('completion_proposals').selectAll().where('id', '=', id).executeTakeFirst();
    if (!proposal) throw new AppError('not_found', `Không tìm thấy đề nghị #${id}.`);
    const ctx = await loadAssignmentContext(trx, proposal.assignment_id);
    if (!policies.completion.verify(actor, ctx.ref)) throw new AppError('forbidden', 'Chỉ cơ quan theo dõi văn bản mới xác nhận hoàn thành.');
    if (proposal.state !== 'pending') throw new AppError('invalid_state', 'Đề nghị này đã được xử lý.');
    if (ctx.assignment.state !== 'open') throw new AppError('invalid_state', 'Phân công không còn ở trạng thái đang thực hiện.');
    if (input.decision === 'refuse' && !input.comment?.trim()) {
      throw new AppError('validation_failed', 'Cần ghi lý do khi không xác nhận hoàn thành.', { fields: [{ field: 'body.comment', message: 'Bắt buộc khi từ chối' }] });
    }
    const completedOn = input.completedOn ?? vietnamDate(new Date(proposal.proposed_at));
    if (input.decision === 'verify' && completedOn > vietnamDate()) {
      throw new AppError('validation_failed', 'Ngày hoàn thành không thể ở tương lai.', { fields: [{ field: 'body.completedOn', message: 'Không sau hôm nay' }] });
    }
    const now = nowIso();
    const row = await trx
      .updateTable('completion_proposals')
      .set({ state: input.decision === 'verify' ? 'verified' : 'refused', decided_by: actor.userId, decided_at: now, completed_on: input.decision === 'verify' ? completedOn : null, decision_comment: input.comment ?? null })
      .where('id', '=', id)
      .where('state', '=', 'pending')
      .returningAll()
      .executeTakeFirst()
      .then(transitioned);
    if (input.decision === 'verify') {
      if (ctx.task.deadline_kind === 'annual') {
        // This year's occurrence is done; the assignment goes on with next year's.
        await closeOccurrence(trx, ctx.assignment, completedOn, vietnamDate());
      } else {
        await trx.updateTable('assignments').set({ state: 'completed', completed_on: completedOn, progress: 100, updated_at: now }).where('id', '=', ctx.assignment.id).execute();
      }
      await refreshTaskStatus(trx, ctx.task.id);
    }
    await onCompletionDecided(trx, ctx, id, input.decision === 'verify', row.decision_comment);
    await recordAudit(trx, actor, { action: input.decision, entityType: 'completion_proposal', entityId: id, before: { state: proposal.state }, after: { state: row.state, completedOn: row.completed_on, comment: row.decision_comment } });
    return present(row);
  });
}

export async function listCompletions(db: Kysely<Database>, actor: Actor, assignmentId: number): Promise<View[]> {
  const ctx = await loadAssignmentContext(db, assignmentId);
  if (!policies.assignment.read(actor, ctx.ref)) throw new AppError('forbidden');
  return (await db.selectFrom('completion_proposals').selectAll().where('assignment_id', '=', assignmentId).orderBy('id').execute()).map(present);
}
