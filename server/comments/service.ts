import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Actor } from '../auth/actor.ts';
import { isAgencyRole, policies } from '../auth/permissions.ts';
import { recordAudit } from '../audit/service.ts';
import type { Database } from '../db/types.ts';
import { STATUS_LABELS, type StatusClass } from '../domain/status.ts';
import { nowIso } from '../domain/time.ts';
import { AppError } from '../errors.ts';
import { optionalId, requiredText } from '../http/schemas.ts';
import { notify, orgRecipients } from '../notifications/service.ts';
import { findTask, taskRef } from '../tasks/service.ts';

export const commentBody = z.object({
  kind: z.enum(['comment', 'direction']).default('comment').describe('direction: ý kiến chỉ đạo (lãnh đạo, cơ quan theo dõi)'),
  body: requiredText(10_000),
  assignmentId: optionalId.describe('Chỉ đạo riêng cho một cơ quan được giao'),
});

export const timelineEvent = z.object({
  at: z.string(),
  type: z.string(),
  title: z.string(),
  detail: z.string().nullable(),
  actor: z.string().nullable(),
  org: z.string().nullable(),
  assignmentId: z.number().nullable(),
});
type TimelineEvent = z.infer<typeof timelineEvent>;

export async function addComment(db: Kysely<Database>, actor: Actor, taskId: number, input: z.infer<typeof commentBody>) {
  return db.transaction().execute(async (trx) => {
    const task = await findTask(trx, taskId);
    const ref = await taskRef(trx, task);
    if (!policies.task.read(actor, ref)) throw new AppError('forbidden', 'Nhiệm vụ này không giao cho cơ quan của bạn.');
    if (input.kind === 'direction' && !policies.comment.direct(actor, ref)) throw new AppError('forbidden', 'Chỉ lãnh đạo và cơ quan theo dõi mới cho ý kiến chỉ đạo.');
    const targets = await trx.selectFrom('assignments').select(['id', 'org_id']).where('task_id', '=', taskId).where('state', '=', 'open').execute();
    const target = targets.find((t) => t.id === input.assignmentId);
    if (input.assignmentId && target && isAgencyRole(actor) && !actor.orgScope.includes(target.org_id)) {
      throw new AppError('forbidden', 'Chỉ trao đổi về phân công của cơ quan mình.');
    }
    if (input.assignmentId && !target) {
      throw new AppError('validation_failed', 'Phân công không thuộc nhiệm vụ này.', { fields: [{ field: 'body.assignmentId', message: 'Không thuộc nhiệm vụ' }] });
    }
    const row = await trx
      .insertInto('comments')
      .values({ task_id: taskId, assignment_id: input.assignmentId ?? null, author_id: actor.userId, kind: input.kind, body: input.body, created_at: nowIso() })
      .returningAll()
      .executeTakeFirstOrThrow();
    if (input.kind === 'direction') {
      // A direction reaches the agencies that carry the task (or the one it names).
      for (const t of targets.filter((x) => !input.assignmentId || x.id === input.assignmentId)) {
        await notify(trx, await orgRecipients(trx, t.org_id), {
          kind: 'direction',
          title: `Ý kiến chỉ đạo về nhiệm vụ ${task.ordinal}`,
          body: input.body.length > 300 ? `${input.body.slice(0, 297)}…` : input.body,
          link: `/tasks/${taskId}`,
          entityType: 'comment',
          entityId: row.id,
        });
      }
    }
    await recordAudit(trx, actor, { action: 'create', entityType: 'comment', entityId: row.id, after: row });
    return { id: row.id, kind: row.kind, body: row.body, assignmentId: row.assignment_id, createdAt: row.created_at };
  });
}

/** Everything that happened to a task, newest first: reports, reviews, extensions, completions, directions, date changes. */
export async function taskTimeline(db: Kysely<Database>, actor: Actor, taskId: number): Promise<TimelineEvent[]> {
  const task = await findTask(db, taskId);
  const ref = await taskRef(db, task);
  if (!policies.task.read(actor, ref)) throw new AppError('forbidden', 'Nhiệm vụ này không giao cho cơ quan của bạn.');
  const assignments = (await db.selectFrom('assignments').innerJoin('orgs', 'orgs.id', 'assignments.org_id').select(['assignments.id', 'assignments.org_id', 'assignments.created_at', 'orgs.name']).where('task_id', '=', taskId).execute()).filter((a) =>
    policies.assignment.read(actor, { org_id: a.org_id, directive: ref.directive }),
  );
  const ids = assignments.length ? assignments.map((a) => a.id) : [-1];
  const orgOf = new Map(assignments.map((a) => [a.id, a.name]));
  const names = new Map((await db.selectFrom('users').select(['id', 'full_name']).execute()).map((u) => [u.id, u.full_name]));
  const who = (id: number | null) => (id ? (names.get(id) ?? null) : null);
  const events: TimelineEvent[] = assignments.map((a) => ({ at: a.created_at, type: 'assigned', title: `Giao ${a.name} chủ trì`, detail: null, actor: null, org: a.name, assignmentId: a.id }));

  const [reports, extensions, completions, changes, comments] = await Promise.all([
    db.selectFrom('progress_reports').innerJoin('reporting_periods', 'reporting_periods.id', 'progress_reports.period_id').selectAll('progress_reports').select('reporting_periods.label').where('assignment_id', 'in', ids).execute(),
    db.selectFrom('extension_requests').selectAll().where('assignment_id', 'in', ids).execute(),
    db.selectFrom('completion_proposals').selectAll().where('assignment_id', 'in', ids).execute(),
    db.selectFrom('assignment_due_changes').selectAll().where('assignment_id', 'in', ids).execute(),
    db.selectFrom('comments').selectAll().where('task_id', '=', taskId).execute(),
  ]);
  for (const r of reports) {
    const org = orgOf.get(r.assignment_id) ?? null;
    if (r.submitted_at) events.push({ at: r.submitted_at, type: 'report_submitted', title: `Báo cáo kỳ ${r.label}${r.late ? ' (muộn)' : ''}: ${r.progress}%`, detail: r.results, actor: who(r.submitted_by), org, assignmentId: r.assignment_id });
    if (r.reviewed_at) events.push({ at: r.reviewed_at, type: r.state === 'returned' ? 'report_returned' : 'report_accepted', title: r.state === 'returned' ? `Trả lại báo cáo kỳ ${r.label}` : `Chấp nhận báo cáo kỳ ${r.label}`, detail: r.review_comment, actor: who(r.reviewed_by), org, assignmentId: r.assignment_id });
  }
  for (const e of extensions) {
    const org = orgOf.get(e.assignment_id) ?? null;
    events.push({ at: e.requested_at, type: 'extension_requested', title: `Đề nghị gia hạn đến ${e.requested_due_on}`, detail: e.reason, actor: who(e.requested_by), org, assignmentId: e.assignment_id });
    if (e.decided_at) events.push({ at: e.decided_at, type: `extension_${e.state}`, title: e.state === 'approved' ? `Đồng ý gia hạn đến ${e.requested_due_on}` : 'Không đồng ý gia hạn', detail: e.decision_comment, actor: who(e.decided_by), org, assignmentId: e.assignment_id });
  }
  for (const c of completions) {
    const org = orgOf.get(c.assignment_id) ?? null;
    events.push({ at: c.proposed_at, type: 'completion_proposed', title: 'Đề nghị xác nhận hoàn thành', detail: c.product_note, actor: who(c.proposed_by), org, assignmentId: c.assignment_id });
    if (c.decided_at) events.push({ at: c.decided_at, type: `completion_${c.state}`, title: c.state === 'verified' ? `Xác nhận hoàn thành ngày ${c.completed_on ?? ''}` : 'Chưa xác nhận hoàn thành', detail: c.decision_comment, actor: who(c.decided_by), org, assignmentId: c.assignment_id });
  }
  for (const d of changes.filter((x) => x.extension_request_id === null)) {
    events.push({ at: d.changed_at, type: 'due_changed', title: `Đổi thời hạn ${d.old_due_on ?? '—'} → ${d.new_due_on ?? '—'}`, detail: d.reason, actor: who(d.changed_by), org: orgOf.get(d.assignment_id) ?? null, assignmentId: d.assignment_id });
  }
  for (const c of comments.filter((x) => x.assignment_id === null || orgOf.has(x.assignment_id))) {
    events.push({ at: c.created_at, type: c.kind, title: c.kind === 'direction' ? 'Ý kiến chỉ đạo' : 'Trao đổi', detail: c.body, actor: who(c.author_id), org: c.assignment_id ? (orgOf.get(c.assignment_id) ?? null) : null, assignmentId: c.assignment_id });
  }
  const statusChanges = await db.selectFrom('audit_log').select(['at', 'entity_id', 'after_json']).where('entity_type', '=', 'assignment').where('action', '=', 'status_change').where('entity_id', 'in', ids.map(String)).execute();
  for (const s of statusChanges) {
    const after = JSON.parse(s.after_json ?? '{}') as { statusClass?: string };
    const label = STATUS_LABELS[after.statusClass as StatusClass] ?? after.statusClass ?? '';
    events.push({ at: s.at, type: 'status_change', title: `Trạng thái: ${label}`, detail: null, actor: null, org: orgOf.get(Number(s.entity_id)) ?? null, assignmentId: Number(s.entity_id) });
  }
  return events.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}
