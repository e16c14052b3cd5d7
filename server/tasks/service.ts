import type { Insertable, Kysely } from 'kysely';
import type { Actor } from '../auth/actor.ts';
import { policies, scopeIds, type TaskRef, visibleOrgScope } from '../auth/permissions.ts';
import { recordAudit, recordAudits } from '../audit/service.ts';
import { refreshTaskStatus, refreshTaskStatuses } from '../assignments/status.ts';
import { chunks } from '../db/batches.ts';
import { nullsLast } from '../db/ordering.ts';
import { matchesTaskSearch } from '../db/search.ts';
import type { Assignment, Database, Directive, Task } from '../db/types.ts';
import { parseDeadline } from '../domain/deadlines.ts';
import { daysOverdue } from '../domain/status.ts';
import { nowIso, vietnamDate } from '../domain/time.ts';
import { cleanText, foldVietnamese, vietnameseSortKey } from '../domain/vietnamese.ts';
import { findDirective } from '../directives/service.ts';
import { AppError } from '../errors.ts';
import { pageOf } from '../http/schemas.ts';
import { onAssignmentsCreated } from '../notifications/events.ts';
import { resolveOrgName } from '../orgs/resolve.ts';
import { findOrg } from '../orgs/service.ts';
import { presentTask } from './presenter.ts';
import type { OrgRefInput, TaskCreateInput, TaskListQuery, TaskUpdateInput } from './schemas.ts';

export async function findTask(db: Kysely<Database>, id: number): Promise<Task> {
  const t = await db.selectFrom('tasks').selectAll().where('id', '=', id).executeTakeFirst();
  if (!t) throw new AppError('not_found', `Không tìm thấy nhiệm vụ #${id}.`);
  return t;
}

/** What the permission rules need to judge a task. */
export async function taskRef(db: Kysely<Database>, task: Task): Promise<TaskRef & { directive: Directive }> {
  const [directive, named, assigned] = await Promise.all([
    findDirective(db, task.directive_id),
    db.selectFrom('task_orgs').select('org_id').where('task_id', '=', task.id).where('org_id', 'is not', null).execute(),
    db.selectFrom('assignments').select('org_id').where('task_id', '=', task.id).execute(),
  ]);
  return { directive, orgIds: [...named.map((r) => r.org_id ?? 0), ...assigned.map((r) => r.org_id)] };
}

export async function listTasks(db: Kysely<Database>, actor: Actor, q: TaskListQuery) {
  const scope = visibleOrgScope(actor);
  let base = db.selectFrom('tasks');
  if (scope !== 'all') {
    const ids = scopeIds(scope);
    base = base.where((eb) =>
      eb.or([
        eb.exists(eb.selectFrom('task_orgs').select('task_orgs.id').whereRef('task_orgs.task_id', '=', 'tasks.id').where('task_orgs.org_id', 'in', ids)),
        eb.exists(eb.selectFrom('assignments').select('assignments.id').whereRef('assignments.task_id', '=', 'tasks.id').where('assignments.org_id', 'in', ids)),
      ]),
    );
  }
  if (q.directiveId) base = base.where('tasks.directive_id', '=', q.directiveId);
  if (q.sectionId) base = base.where('tasks.section_id', '=', q.sectionId);
  if (q.statusClass) base = base.where('tasks.status_class', '=', q.statusClass);
  if (q.deadlineKind) base = base.where('tasks.deadline_kind', '=', q.deadlineKind);
  if (q.workingGroupId) base = base.where('tasks.working_group_id', '=', q.workingGroupId);
  if (q.field) base = base.where('tasks.field', '=', q.field);
  if (q.dueFrom) base = base.where('tasks.due_on', '>=', q.dueFrom);
  if (q.dueTo) base = base.where('tasks.due_on', '<=', q.dueTo);
  if (q.orgId) {
    const orgId = q.orgId;
    base = base.where((eb) =>
      eb.exists(
        eb
          .selectFrom('task_orgs')
          .select('task_orgs.id')
          .whereRef('task_orgs.task_id', '=', 'tasks.id')
          .where('task_orgs.org_id', '=', orgId)
          .$if(Boolean(q.role), (qb) => qb.where('task_orgs.role', '=', q.role ?? 'lead')),
      ),
    );
  }
  if (q.q) base = base.where(matchesTaskSearch(db, q.q));
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const desc = q.sort.startsWith('-') ? 'desc' : 'asc';
  const column = q.sort.replace('-', '');
  const ordered =
    column === 'title'
      ? base.orderBy('tasks.sort_key', desc)
      : column === 'due_on'
        ? base.orderBy('tasks.due_on', nullsLast(desc))
        : column === 'updated_at'
          ? base.orderBy('tasks.updated_at', desc)
          : base.orderBy('tasks.directive_id').orderBy('tasks.position');
  const rows = await ordered.selectAll('tasks').orderBy('tasks.id').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
  const leads = rows.length
    ? await db
        .selectFrom('task_orgs')
        .leftJoin('orgs', 'orgs.id', 'task_orgs.org_id')
        .select(['task_orgs.task_id', 'task_orgs.org_id', 'task_orgs.role', 'task_orgs.name_as_written', 'orgs.name as org_name'])
        .where('task_orgs.task_id', 'in', rows.map((r) => r.id))
        .where('task_orgs.role', '=', 'lead')
        .orderBy('task_orgs.position')
        .execute()
    : [];
  const items = rows.map((t) => ({
    ...presentTask(t),
    leads: leads.filter((l) => l.task_id === t.id).map((l) => ({ orgId: l.org_id, role: l.role, nameAsWritten: l.name_as_written, orgName: l.org_name })),
  }));
  return pageOf(items, Number(total), q.page, q.pageSize);
}

export async function getTaskDetail(db: Kysely<Database>, actor: Actor, id: number) {
  const task = await findTask(db, id);
  const ref = await taskRef(db, task);
  if (!policies.task.read(actor, ref)) throw new AppError('forbidden', 'Nhiệm vụ này không giao cho cơ quan của bạn.');
  const [orgs, assignments, section] = await Promise.all([
    db
      .selectFrom('task_orgs')
      .leftJoin('orgs', 'orgs.id', 'task_orgs.org_id')
      .select(['task_orgs.org_id', 'task_orgs.role', 'task_orgs.name_as_written', 'orgs.name as org_name'])
      .where('task_orgs.task_id', '=', id)
      .orderBy('task_orgs.position')
      .execute(),
    db
      .selectFrom('assignments')
      .innerJoin('orgs', 'orgs.id', 'assignments.org_id')
      .selectAll('assignments')
      .select('orgs.name as org_name')
      .where('assignments.task_id', '=', id)
      .orderBy('orgs.sort_key')
      .execute(),
    task.section_id ? db.selectFrom('sections').select(['id', 'code', 'title']).where('id', '=', task.section_id).executeTakeFirst() : undefined,
  ]);
  const today = vietnamDate();
  const view = (o: (typeof orgs)[number]) => ({ orgId: o.org_id, role: o.role, nameAsWritten: o.name_as_written, orgName: o.org_name });
  return {
    ...presentTask(task),
    sourceText: task.source_text,
    deadline: task.deadline_json ? (JSON.parse(task.deadline_json) as unknown) : null,
    directive: { id: ref.directive.id, number: ref.directive.number, title: ref.directive.title },
    section: section ?? null,
    leads: orgs.filter((o) => o.role === 'lead').map(view),
    coordinators: orgs.filter((o) => o.role === 'coordinator').map(view),
    assignments: assignments
      .filter((a) => policies.assignment.read(actor, { org_id: a.org_id, directive: ref.directive }))
      .map((a) => ({
        id: a.id,
        orgId: a.org_id,
        orgName: a.org_name,
        state: a.state,
        statusClass: a.status_class,
        progress: a.progress,
        dueOn: a.due_on,
        originalDueOn: a.original_due_on,
        completedOn: a.completed_on,
        responsiblePerson: a.responsible_person,
        daysOverdue: a.state === 'open' ? daysOverdue(a.due_on, today) : 0,
      })),
  };
}

interface ResolvedRef {
  orgId: number | null;
  name: string;
  /** Orgs that get an assignment when this is a lead: the org itself, its successors or a group's members. */
  carriers: number[];
  groupId: number | null;
}

/** Resolutions remembered within one write: a plan names the same twenty agencies hundreds of times. */
type RefCache = Map<string, Omit<ResolvedRef, 'name'>>;

async function resolveRefs(trx: Kysely<Database>, refs: readonly OrgRefInput[], onDate: string, cache: RefCache = new Map()): Promise<ResolvedRef[]> {
  const out: ResolvedRef[] = [];
  for (const ref of refs) {
    const name = cleanText(ref.name);
    const key = ref.orgId ? `#${ref.orgId}` : `@${name}`;
    let resolved = cache.get(key);
    if (!resolved) {
      resolved = await resolveRef(trx, ref.orgId, name, onDate);
      cache.set(key, resolved);
    }
    out.push({ ...resolved, name });
  }
  return out;
}

async function resolveRef(trx: Kysely<Database>, orgId: number | null | undefined, name: string, onDate: string): Promise<Omit<ResolvedRef, 'name'>> {
  if (orgId) {
    const org = await findOrg(trx, orgId);
    if (org.kind !== 'group') return { orgId: org.id, carriers: [org.id], groupId: null };
    const r = await resolveOrgName(trx, org.name, onDate);
    return { orgId: org.id, carriers: r.orgs.map((o) => o.id), groupId: org.id };
  }
  const r = await resolveOrgName(trx, name, onDate);
  return { orgId: r.org?.id ?? null, carriers: r.orgs.map((o) => o.id), groupId: r.status === 'group' ? (r.org?.id ?? null) : null };
}

function taskOrgRows(taskId: number, leads: readonly ResolvedRef[], coordinators: readonly ResolvedRef[]) {
  return [
    ...leads.map((r, i) => ({ task_id: taskId, org_id: r.orgId, role: 'lead', name_as_written: r.name, position: i })),
    ...coordinators.map((r, i) => ({ task_id: taskId, org_id: r.orgId, role: 'coordinator', name_as_written: r.name, position: i })),
  ];
}

async function writeTaskOrgs(trx: Kysely<Database>, taskId: number, leads: ResolvedRef[], coordinators: ResolvedRef[]) {
  await trx.deleteFrom('task_orgs').where('task_id', '=', taskId).execute();
  const rows = taskOrgRows(taskId, leads, coordinators);
  if (rows.length) await trx.insertInto('task_orgs').values(rows).execute();
}

/** The orgs a task's leads put to work (a collective lead fans out to its members), each once, with the group it came through. */
function carriersOf(leads: readonly ResolvedRef[]): Map<number, number | null> {
  const wanted = new Map<number, number | null>();
  for (const l of leads) for (const orgId of l.carriers) if (!wanted.has(orgId)) wanted.set(orgId, l.groupId);
  return wanted;
}

/** New assignments of tasks, with their audit rows and the agencies' notifications, in a few statements. */
async function insertAssignments(trx: Kysely<Database>, actor: Actor, items: readonly { task: Task; orgId: number; viaGroupId: number | null }[]): Promise<void> {
  if (items.length === 0) return;
  const now = nowIso();
  const created: Assignment[] = [];
  for (const batch of chunks(items)) {
    const rows = await trx
      .insertInto('assignments')
      .values(batch.map(({ task, orgId, viaGroupId }) => ({ task_id: task.id, org_id: orgId, via_group_id: viaGroupId, original_due_on: task.due_on, due_on: task.due_on, created_at: now, updated_at: now })))
      .returningAll()
      .execute();
    created.push(...rows);
  }
  const taskById = new Map(items.map((i) => [i.task.id, i.task]));
  created.sort((a, b) => a.id - b.id);
  await recordAudits(
    trx,
    actor,
    created.map((row) => ({ action: 'create', entityType: 'assignment', entityId: row.id, after: row })),
  );
  await onAssignmentsCreated(
    trx,
    created.map((row) => ({ task: taskById.get(row.task_id) as Task, assignmentId: row.id, orgId: row.org_id, dueOn: row.due_on })),
  );
}

/**
 * One assignment per lead org (a collective lead fans out to its members). Assignments of orgs no
 * longer leading are removed if they hold no reports, otherwise cancelled so their history stays.
 */
async function syncAssignments(trx: Kysely<Database>, actor: Actor, task: Task, leads: ResolvedRef[]) {
  const wanted = carriersOf(leads);
  const existing = await trx.selectFrom('assignments').selectAll().where('task_id', '=', task.id).execute();
  const now = nowIso();
  for (const a of existing) {
    if (wanted.has(a.org_id)) {
      if (a.state === 'cancelled') {
        // Named as lead again by the coordinator: the assignment resumes, and the log says so.
        await trx.updateTable('assignments').set({ state: 'open', updated_at: now }).where('id', '=', a.id).execute();
        await recordAudit(trx, actor, { action: 'reopen', entityType: 'assignment', entityId: a.id, before: { state: 'cancelled' }, after: { state: 'open' } });
      }
      wanted.delete(a.org_id);
      continue;
    }
    const reports = await trx.selectFrom('progress_reports').select('id').where('assignment_id', '=', a.id).limit(1).execute();
    if (reports.length) await trx.updateTable('assignments').set({ state: 'cancelled', updated_at: now }).where('id', '=', a.id).execute();
    else await trx.deleteFrom('assignments').where('id', '=', a.id).execute();
    await recordAudit(trx, actor, { action: reports.length ? 'cancel' : 'delete', entityType: 'assignment', entityId: a.id, before: a });
  }
  await insertAssignments(
    trx,
    actor,
    [...wanted].map(([orgId, viaGroupId]) => ({ task, orgId, viaGroupId })),
  );
}

function searchTextOf(t: { ordinal: string; title: string; product?: string | null | undefined; description?: string | null | undefined }, orgNames: readonly string[]) {
  return foldVietnamese([t.ordinal, t.title, t.product ?? '', t.description ?? '', ...orgNames].join(' '));
}

/** Creates a task with its named orgs and assignments inside the caller's transaction. */
export async function insertTask(trx: Kysely<Database>, actor: Actor, input: TaskCreateInput): Promise<Task> {
  const [task] = await insertTasks(trx, actor, [input]);
  return task as Task;
}

/** Matches rows returned by a multi-row insert to their inputs (RETURNING promises no order). */
const insertKey = (t: { position: number; ordinal: string }) => `${t.position}\u0000${t.ordinal}`;

/**
 * Creates tasks of one directive with their named orgs and assignments inside the caller's transaction, in a
 * few statements whatever their number (the importer writes a whole plan this way; one task is a batch of one).
 */
export async function insertTasks(trx: Kysely<Database>, actor: Actor, inputs: readonly TaskCreateInput[]): Promise<Task[]> {
  const first = inputs[0];
  if (!first) return [];
  if (inputs.some((i) => i.directiveId !== first.directiveId)) throw new Error('insertTasks: the tasks of one directive per call');
  const directive = await findDirective(trx, first.directiveId);
  if (!policies.directive.manage(actor, directive)) throw new AppError('forbidden', 'Chỉ cơ quan theo dõi văn bản mới được thêm nhiệm vụ.');
  await assertSectionsBelong(trx, directive.id, inputs.map((i) => i.sectionId));
  for (const parentId of new Set(inputs.map((i) => i.parentTaskId))) if (parentId) await findTask(trx, parentId);
  for (const groupId of new Set(inputs.map((i) => i.workingGroupId))) await assertWorkingGroup(trx, groupId);
  // Work goes to the orgs that exist now: a department merged since the directive was issued hands it to its successor.
  const onDate = vietnamDate();
  const cache: RefCache = new Map();
  let nextPosition = 0;
  if (inputs.some((i) => i.position === undefined)) {
    const max = await trx.selectFrom('tasks').select((eb) => eb.fn.max('position').as('p')).where('directive_id', '=', directive.id).executeTakeFirst();
    nextPosition = Number(max?.p ?? 0) + 1;
  }
  const now = nowIso();
  const prepared = [];
  for (const input of inputs) {
    const deadline = parseDeadline(input.deadlineText, directive.issued_on ?? undefined);
    const leads = await resolveRefs(trx, input.leads, onDate, cache);
    const coordinators = await resolveRefs(trx, input.coordinators, onDate, cache);
    const row = {
      directive_id: directive.id,
      section_id: input.sectionId ?? null,
      parent_task_id: input.parentTaskId ?? null,
      ordinal: input.ordinal,
      position: input.position ?? nextPosition++,
      title: cleanText(input.title),
      description: input.description ?? null,
      product: input.product ? cleanText(input.product) : null,
      deadline_text: input.deadlineText ?? null,
      deadline_kind: deadline.kind,
      due_on: input.dueOn ?? deadline.dueOn,
      deadline_json: JSON.stringify(deadline),
      working_group_id: input.workingGroupId ?? null,
      field: input.field ?? null,
      source_text: input.sourceText ?? null,
      search_text: searchTextOf(input, [...leads, ...coordinators].map((r) => r.name)),
      sort_key: vietnameseSortKey(input.title),
      created_by: actor.via === 'system' ? null : actor.userId,
      created_at: now,
      updated_at: now,
    };
    prepared.push({ input, row, leads, coordinators });
  }
  const tasks = await insertTaskRows(
    trx,
    prepared.map((p) => p.row),
  );
  const taskOrgs = prepared.flatMap((p, i) => taskOrgRows((tasks[i] as Task).id, p.leads, p.coordinators));
  for (const batch of chunks(taskOrgs)) await trx.insertInto('task_orgs').values(batch).execute();
  await insertAssignments(
    trx,
    actor,
    prepared.flatMap((p, i) => [...carriersOf(p.leads)].map(([orgId, viaGroupId]) => ({ task: tasks[i] as Task, orgId, viaGroupId }))),
  );
  await refreshTaskStatuses(
    trx,
    tasks.map((t) => t.id),
  );
  await recordAudits(
    trx,
    actor,
    prepared.map((p, i) => ({ action: 'create', entityType: 'task', entityId: (tasks[i] as Task).id, after: { ...presentTask(tasks[i] as Task), leads: p.input.leads, coordinators: p.input.coordinators } })),
  );
  return tasks;
}

/** Inserts task rows in batches and returns them in the order given. */
async function insertTaskRows(trx: Kysely<Database>, rows: readonly Insertable<Database['tasks']>[]): Promise<Task[]> {
  const keys = rows.map((r) => insertKey({ position: Number(r.position), ordinal: r.ordinal }));
  if (new Set(keys).size !== keys.length) {
    // Two inputs with the same place and number cannot be told apart in what comes back: one at a time.
    const out: Task[] = [];
    for (const row of rows) out.push(await trx.insertInto('tasks').values(row).returningAll().executeTakeFirstOrThrow());
    return out;
  }
  const byKey = new Map<string, Task>();
  for (const batch of chunks(rows)) {
    for (const t of await trx.insertInto('tasks').values(batch).returningAll().execute()) byKey.set(insertKey(t), t);
  }
  return keys.map((k) => byKey.get(k) as Task);
}

export async function createTask(db: Kysely<Database>, actor: Actor, input: TaskCreateInput) {
  const task = await db.transaction().execute((trx) => insertTask(trx, actor, input));
  return getTaskDetail(db, actor, task.id);
}

async function assertSectionsBelong(trx: Kysely<Database>, directiveId: number, sectionIds: readonly (number | null | undefined)[]) {
  const wanted = [...new Set(sectionIds.filter((id): id is number => Boolean(id)))];
  if (wanted.length === 0) return;
  const found = await trx.selectFrom('sections').select('id').where('id', 'in', wanted).where('directive_id', '=', directiveId).execute();
  if (found.length !== wanted.length) throw new AppError('validation_failed', 'Mục không thuộc văn bản của nhiệm vụ.', { fields: [{ field: 'body.sectionId', message: 'Mục không thuộc văn bản này' }] });
}

async function assertWorkingGroup(trx: Kysely<Database>, id: number | null | undefined) {
  if (!id) return;
  const group = await trx.selectFrom('working_groups').select('id').where('id', '=', id).executeTakeFirst();
  if (!group) throw new AppError('validation_failed', 'Tổ công tác không tồn tại.', { fields: [{ field: 'body.workingGroupId', message: 'Không tồn tại' }] });
}

/** Applies a task update inside the caller's transaction (the importer's re-import path too). */
export async function applyTaskUpdate(trx: Kysely<Database>, actor: Actor, id: number, input: TaskUpdateInput): Promise<void> {
  const before = await findTask(trx, id);
  const ref = await taskRef(trx, before);
  if (!policies.task.manage(actor, ref)) throw new AppError('forbidden', 'Chỉ cơ quan theo dõi văn bản mới được sửa nhiệm vụ.');
  await assertSectionsBelong(trx, before.directive_id, [input.sectionId]);
  if (input.parentTaskId) await findTask(trx, input.parentTaskId);
  await assertWorkingGroup(trx, input.workingGroupId);
  for (let current = input.parentTaskId ?? null, depth = 0; current !== null && depth < 50; depth++) {
    if (current === id) throw new AppError('validation_failed', 'Nhiệm vụ cha không thể là chính nhiệm vụ này hoặc nhiệm vụ con của nó.');
    current = (await findTask(trx, current)).parent_task_id;
  }
  const deadlineText = input.deadlineText === undefined ? before.deadline_text : input.deadlineText;
  const deadline = parseDeadline(deadlineText, ref.directive.issued_on ?? undefined);
  const dueOn = input.dueOn !== undefined ? input.dueOn : input.deadlineText !== undefined ? deadline.dueOn : before.due_on;
  const title = input.title ? cleanText(input.title) : before.title;
  const onDate = vietnamDate();
  const leads = input.leads ? await resolveRefs(trx, input.leads, onDate) : null;
  const coordinators = input.coordinators ? await resolveRefs(trx, input.coordinators, onDate) : null;
  const currentOrgs = await trx.selectFrom('task_orgs').select(['name_as_written', 'role', 'org_id']).where('task_id', '=', id).orderBy('position').execute();
  const names = [...(leads ?? currentOrgs.filter((o) => o.role === 'lead').map((o) => ({ name: o.name_as_written }))), ...(coordinators ?? currentOrgs.filter((o) => o.role === 'coordinator').map((o) => ({ name: o.name_as_written })))].map((r) => r.name);
  const now = nowIso();
  const task = await trx
    .updateTable('tasks')
    .set({
      title,
      sort_key: vietnameseSortKey(title),
      ...(input.ordinal ? { ordinal: input.ordinal } : {}),
      ...(input.sectionId !== undefined ? { section_id: input.sectionId } : {}),
      ...(input.parentTaskId !== undefined ? { parent_task_id: input.parentTaskId } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.product !== undefined ? { product: input.product } : {}),
      ...(input.workingGroupId !== undefined ? { working_group_id: input.workingGroupId } : {}),
      ...(input.field !== undefined ? { field: input.field } : {}),
      ...(input.sourceText !== undefined ? { source_text: input.sourceText } : {}),
      ...(input.position !== undefined ? { position: input.position } : {}),
      deadline_text: deadlineText,
      deadline_kind: deadline.kind,
      deadline_json: JSON.stringify(deadline),
      due_on: dueOn,
      search_text: searchTextOf({ ordinal: input.ordinal ?? before.ordinal, title, product: input.product === undefined ? before.product : input.product, description: input.description === undefined ? before.description : input.description }, names),
      updated_at: now,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  if (dueOn !== before.due_on) {
    // Open assignments that still follow the task's deadline move with it; extended ones keep their own.
    const following = await trx.selectFrom('assignments').select(['id', 'due_on']).where('task_id', '=', id).where('state', '=', 'open').execute();
    for (const a of following.filter((x) => x.due_on === before.due_on)) {
      await trx.updateTable('assignments').set({ due_on: dueOn, original_due_on: dueOn, updated_at: now }).where('id', '=', a.id).execute();
      await trx
        .insertInto('assignment_due_changes')
        .values({ assignment_id: a.id, old_due_on: a.due_on, new_due_on: dueOn, reason: 'Sửa thời hạn của nhiệm vụ', extension_request_id: null, changed_by: actor.via === 'system' ? null : actor.userId, changed_at: now })
        .execute();
    }
  }
  if (leads || coordinators) {
    const keep = (role: string) => resolveRefs(trx, currentOrgs.filter((o) => o.role === role).map((o) => ({ name: o.name_as_written, orgId: o.org_id })), onDate);
    const finalLeads = leads ?? (await keep('lead'));
    await writeTaskOrgs(trx, id, finalLeads, coordinators ?? (await keep('coordinator')));
    if (leads) await syncAssignments(trx, actor, task, finalLeads);
  }
  await refreshTaskStatus(trx, id);
  await recordAudit(trx, actor, { action: 'update', entityType: 'task', entityId: id, before: presentTask(before), after: { ...presentTask(task), ...(input.leads ? { leads: input.leads } : {}), ...(input.coordinators ? { coordinators: input.coordinators } : {}) } });
}

export async function updateTask(db: Kysely<Database>, actor: Actor, id: number, input: TaskUpdateInput) {
  await db.transaction().execute((trx) => applyTaskUpdate(trx, actor, id, input));
  return getTaskDetail(db, actor, id);
}
