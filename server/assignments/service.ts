import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor.ts';
import { policies, scopeIds, type AssignmentRef, visibleOrgScope } from '../auth/permissions.ts';
import { recordAudit } from '../audit/service.ts';
import { nullsLast } from '../db/ordering.ts';
import { matchesTaskSearch } from '../db/search.ts';
import type { Database } from '../db/types.ts';
import { daysOverdue } from '../domain/status.ts';
import { nowIso, vietnamDate } from '../domain/time.ts';
import { findDirective } from '../directives/service.ts';
import { AppError } from '../errors.ts';
import { pageOf } from '../http/schemas.ts';
import { orgSubtree } from '../orgs/scope.ts';
import { findOrg } from '../orgs/service.ts';
import { findTask } from '../tasks/service.ts';
import { refreshTaskStatus } from './status.ts';
import { type AssignmentCreateInput, type AssignmentListQuery, type AssignmentUpdateInput, MANAGER_FIELDS } from './schemas.ts';

function joined(db: Kysely<Database>) {
  return db
    .selectFrom('assignments')
    .innerJoin('tasks', 'tasks.id', 'assignments.task_id')
    .innerJoin('orgs', 'orgs.id', 'assignments.org_id');
}

type Row = Awaited<ReturnType<typeof selectRows>>[number];
function selectRows(qb: ReturnType<typeof joined>) {
  return qb
    .selectAll('assignments')
    .select(['orgs.name as org_name', 'tasks.ordinal as task_ordinal', 'tasks.title as task_title', 'tasks.directive_id', 'tasks.deadline_text'])
    .execute();
}

function present(r: Row, today: string) {
  return {
    id: r.id,
    taskId: r.task_id,
    orgId: r.org_id,
    orgName: r.org_name,
    viaGroupId: r.via_group_id,
    state: r.state,
    statusClass: r.status_class,
    progress: r.progress,
    originalDueOn: r.original_due_on,
    dueOn: r.due_on,
    completedOn: r.completed_on,
    responsiblePerson: r.responsible_person,
    responsibleUserId: r.responsible_user_id,
    lastReportAt: r.last_report_at,
    daysOverdue: r.state === 'open' ? daysOverdue(r.due_on, today) : 0,
    task: { id: r.task_id, ordinal: r.task_ordinal, title: r.task_title, directiveId: r.directive_id, deadlineText: r.deadline_text },
    updatedAt: r.updated_at,
  };
}

export async function listAssignments(db: Kysely<Database>, actor: Actor, q: AssignmentListQuery) {
  const scope = visibleOrgScope(actor);
  let base = joined(db);
  if (scope !== 'all') base = base.where('assignments.org_id', 'in', scopeIds(scope));
  if (q.orgId) base = base.where('assignments.org_id', '=', q.orgId);
  if (q.directiveId) base = base.where('tasks.directive_id', '=', q.directiveId);
  if (q.taskId) base = base.where('assignments.task_id', '=', q.taskId);
  if (q.statusClass) base = base.where('assignments.status_class', '=', q.statusClass);
  if (q.state) base = base.where('assignments.state', '=', q.state);
  if (q.dueFrom) base = base.where('assignments.due_on', '>=', q.dueFrom);
  if (q.dueTo) base = base.where('assignments.due_on', '<=', q.dueTo);
  if (q.q) base = base.where(matchesTaskSearch(db, q.q));
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const desc = q.sort.startsWith('-') ? 'desc' : 'asc';
  const column = q.sort.replace('-', '');
  const ordered =
    column === 'due_on'
      ? base.orderBy('assignments.due_on', nullsLast(desc))
      : column === 'org'
        ? base.orderBy('orgs.sort_key').orderBy('tasks.position')
        : column === 'updated_at'
          ? base.orderBy('assignments.updated_at', desc)
          : base.orderBy('tasks.directive_id').orderBy('tasks.position').orderBy('orgs.sort_key');
  const rows = await selectRows(ordered.orderBy('assignments.id').limit(q.pageSize).offset((q.page - 1) * q.pageSize));
  const today = vietnamDate();
  return pageOf(rows.map((r) => present(r, today)), Number(total), q.page, q.pageSize);
}

async function loadRow(db: Kysely<Database>, id: number): Promise<Row> {
  const [row] = await selectRows(joined(db).where('assignments.id', '=', id));
  if (!row) throw new AppError('not_found', `Không tìm thấy phân công #${id}.`);
  return row;
}

async function refOf(db: Kysely<Database>, row: Row): Promise<AssignmentRef> {
  return { org_id: row.org_id, directive: await findDirective(db, row.directive_id) };
}

export async function getAssignmentDetail(db: Kysely<Database>, actor: Actor, id: number) {
  const row = await loadRow(db, id);
  if (!policies.assignment.read(actor, await refOf(db, row))) throw new AppError('forbidden', 'Phân công này không thuộc cơ quan của bạn.');
  const changes = await db.selectFrom('assignment_due_changes').selectAll().where('assignment_id', '=', id).orderBy('id').execute();
  const occurrences = await db.selectFrom('assignment_occurrences').selectAll().where('assignment_id', '=', id).orderBy('year').execute();
  return {
    ...present(row, vietnamDate()),
    occurrences: occurrences.map((o) => ({ year: o.year, dueOn: o.due_on, completedOn: o.completed_on, statusClass: o.status_class })),
    dueChanges: changes.map((c) => ({ oldDueOn: c.old_due_on, newDueOn: c.new_due_on, reason: c.reason, changedBy: c.changed_by, changedAt: c.changed_at })),
  };
}

export async function updateAssignment(db: Kysely<Database>, actor: Actor, id: number, input: AssignmentUpdateInput) {
  await db.transaction().execute(async (trx) => {
    const before = await loadRow(trx, id);
    const ref = await refOf(trx, before);
    const manages = policies.assignment.manage(actor, ref);
    if (!manages && !policies.assignment.updateOwn(actor, ref)) throw new AppError('forbidden', 'Bạn không có quyền sửa phân công này.');
    const touchesManagerFields = MANAGER_FIELDS.some((f) => input[f] !== undefined);
    if (touchesManagerFields && !manages) throw new AppError('forbidden', 'Chỉ cơ quan theo dõi văn bản mới đổi được thời hạn hoặc trạng thái phân công.');
    if (before.state === 'completed' && (input.progress !== undefined || input.dueOn !== undefined)) {
      throw new AppError('invalid_state', 'Phân công đã hoàn thành, không sửa được tiến độ hay thời hạn.');
    }
    if (input.responsibleUserId) {
      // "Rõ người": the responsible person works in the assigned org or one of its units.
      const u = await trx.selectFrom('users').select(['org_id', 'active']).where('id', '=', input.responsibleUserId).executeTakeFirst();
      const units = await orgSubtree(trx, before.org_id);
      if (!u || !u.active || !units.includes(u.org_id)) {
        throw new AppError('validation_failed', 'Người chịu trách nhiệm phải là cán bộ đang làm việc của cơ quan được giao.', { fields: [{ field: 'body.responsibleUserId', message: 'Không thuộc cơ quan được giao' }] });
      }
    }
    const now = nowIso();
    if (input.dueOn !== undefined && input.dueOn !== before.due_on) {
      if (!input.dueChangeReason) {
        throw new AppError('validation_failed', 'Cần ghi lý do khi đổi thời hạn.', { fields: [{ field: 'body.dueChangeReason', message: 'Bắt buộc khi đổi thời hạn' }] });
      }
      await trx
        .insertInto('assignment_due_changes')
        .values({ assignment_id: id, old_due_on: before.due_on, new_due_on: input.dueOn, reason: input.dueChangeReason, extension_request_id: null, changed_by: actor.userId || null, changed_at: now })
        .execute();
    }
    await trx
      .updateTable('assignments')
      .set({
        ...(input.responsiblePerson !== undefined ? { responsible_person: input.responsiblePerson } : {}),
        ...(input.responsibleUserId !== undefined ? { responsible_user_id: input.responsibleUserId } : {}),
        ...(input.progress !== undefined ? { progress: input.progress } : {}),
        ...(input.dueOn !== undefined ? { due_on: input.dueOn } : {}),
        ...(input.state ? { state: input.state } : {}),
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
    await refreshTaskStatus(trx, before.task_id);
    const after = await loadRow(trx, id);
    await recordAudit(trx, actor, { action: 'update', entityType: 'assignment', entityId: id, before: present(before, vietnamDate()), after: present(after, vietnamDate()) });
  });
  return getAssignmentDetail(db, actor, id);
}

/** Adds a lead org to a task after import (the coordinator's correction). */
export async function createAssignment(db: Kysely<Database>, actor: Actor, input: AssignmentCreateInput) {
  const id = await db.transaction().execute(async (trx) => {
    const task = await findTask(trx, input.taskId);
    const directive = await findDirective(trx, task.directive_id);
    if (!policies.directive.manage(actor, directive)) throw new AppError('forbidden');
    const org = await findOrg(trx, input.orgId);
    if (org.kind === 'group') throw new AppError('validation_failed', 'Hãy giao cho từng cơ quan cụ thể, không giao cho tên tập thể.');
    const clash = await trx.selectFrom('assignments').select('id').where('task_id', '=', task.id).where('org_id', '=', org.id).executeTakeFirst();
    if (clash) throw new AppError('conflict', `${org.name} đã được giao nhiệm vụ này.`);
    const now = nowIso();
    const row = await trx
      .insertInto('assignments')
      .values({ task_id: task.id, org_id: org.id, original_due_on: task.due_on, due_on: task.due_on, created_at: now, updated_at: now })
      .returningAll()
      .executeTakeFirstOrThrow();
    const position = await trx.selectFrom('task_orgs').select((eb) => eb.fn.countAll<number>().as('n')).where('task_id', '=', task.id).executeTakeFirstOrThrow();
    await trx.insertInto('task_orgs').values({ task_id: task.id, org_id: org.id, role: 'lead', name_as_written: org.name, position: Number(position.n) }).execute();
    await refreshTaskStatus(trx, task.id);
    await recordAudit(trx, actor, { action: 'create', entityType: 'assignment', entityId: row.id, after: { ...row, reason: input.reason ?? null } });
    return row.id;
  });
  return getAssignmentDetail(db, actor, id);
}
