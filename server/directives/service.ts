import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor.ts';
import { policies } from '../auth/permissions.ts';
import { recordAudit } from '../audit/service.ts';
import { matchesSearch } from '../db/search.ts';
import type { Database, Directive } from '../db/types.ts';
import { nowIso } from '../domain/time.ts';
import { cleanText, foldVietnamese } from '../domain/vietnamese.ts';
import { AppError } from '../errors.ts';
import { pageOf } from '../http/schemas.ts';
import { findOrg } from '../orgs/service.ts';
import { presentDirective, presentSection } from './presenter.ts';
import type { DirectiveCreateInput, DirectiveListQuery, DirectiveUpdateInput, SectionInput } from './schemas.ts';

export async function findDirective(db: Kysely<Database>, id: number): Promise<Directive> {
  const d = await db.selectFrom('directives').selectAll().where('id', '=', id).executeTakeFirst();
  if (!d) throw new AppError('not_found', `Không tìm thấy văn bản chỉ đạo #${id}.`);
  return d;
}

const searchTextOf = (number: string, title: string, issuer: string | null | undefined) => foldVietnamese(`${number} ${title} ${issuer ?? ''}`);

export async function listDirectives(db: Kysely<Database>, q: DirectiveListQuery) {
  let base = db.selectFrom('directives');
  if (q.kind) base = base.where('kind', '=', q.kind);
  if (q.state) base = base.where('state', '=', q.state);
  if (q.coordinatorOrgId) base = base.where('coordinator_org_id', '=', q.coordinatorOrgId);
  if (q.q) base = base.where(matchesSearch('search_text', q.q));
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const desc = q.sort.startsWith('-') ? 'desc' : 'asc';
  const column = q.sort.replace('-', '') as 'issued_on' | 'number' | 'created_at';
  const rows = await base.selectAll().orderBy(column, desc).orderBy('id', desc).limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
  return pageOf(rows.map(presentDirective), Number(total), q.page, q.pageSize);
}

export async function getDirectiveDetail(db: Kysely<Database>, id: number) {
  const d = await findDirective(db, id);
  const [links, implementedBy, sections, tasks, indicators] = await Promise.all([
    db.selectFrom('directive_links').select(['implements_number', 'implements_id']).where('directive_id', '=', id).orderBy('id').execute(),
    db
      .selectFrom('directive_links')
      .innerJoin('directives', 'directives.id', 'directive_links.directive_id')
      .select(['directives.id', 'directives.number', 'directives.title'])
      .where('directive_links.implements_id', '=', id)
      .execute(),
    db.selectFrom('sections').selectAll().where('directive_id', '=', id).orderBy('position').orderBy('id').execute(),
    db.selectFrom('tasks').select((eb) => eb.fn.countAll<number>().as('n')).where('directive_id', '=', id).executeTakeFirstOrThrow(),
    db.selectFrom('indicators').select((eb) => eb.fn.countAll<number>().as('n')).where('directive_id', '=', id).executeTakeFirstOrThrow(),
  ]);
  return {
    ...presentDirective(d),
    implements: links.map((l) => ({ number: l.implements_number, directiveId: l.implements_id })),
    implementedBy,
    sections: sections.map(presentSection),
    taskCount: Number(tasks.n),
    indicatorCount: Number(indicators.n),
    hasFullText: Boolean(d.full_text),
  };
}

/** Links to the directives this one implements; a number not yet in the system is kept as text and linked later. */
async function writeLinks(trx: Kysely<Database>, directiveId: number, numbers: readonly string[]) {
  await trx.deleteFrom('directive_links').where('directive_id', '=', directiveId).execute();
  for (const raw of new Set(numbers.map((n) => cleanText(n)))) {
    const target = await trx.selectFrom('directives').select('id').where('number', '=', raw).where('id', '!=', directiveId).executeTakeFirst();
    await trx.insertInto('directive_links').values({ directive_id: directiveId, implements_number: raw, implements_id: target?.id ?? null }).execute();
  }
  // Directives imported earlier that named this one now point at it.
  const self = await findDirective(trx, directiveId);
  await trx.updateTable('directive_links').set({ implements_id: directiveId }).where('implements_number', '=', self.number).where('implements_id', 'is', null).execute();
}

/** Creates a directive with its links inside the caller's transaction (the importer's path too). */
export async function insertDirective(trx: Kysely<Database>, actor: Actor, input: DirectiveCreateInput): Promise<Directive> {
  if (!policies.directive.create(actor)) throw new AppError('forbidden');
  // A coordinator creates directives their own org coordinates; only an admin may name another coordinator.
  const coordinatorOrgId = actor.role === 'coordinator' ? actor.orgId : (input.coordinatorOrgId ?? null);
  if (actor.role === 'coordinator' && input.coordinatorOrgId && input.coordinatorOrgId !== actor.orgId) {
    throw new AppError('forbidden', 'Bạn chỉ có thể tạo văn bản do cơ quan mình theo dõi.');
  }
  if (coordinatorOrgId) await findOrg(trx, coordinatorOrgId);
  if (input.issuerOrgId) await findOrg(trx, input.issuerOrgId);
  const now = nowIso();
  const row = await trx
    .insertInto('directives')
    .values({
      number: cleanText(input.number),
      kind: input.kind,
      title: cleanText(input.title),
      issuer_org_id: input.issuerOrgId ?? null,
      issuer_name: input.issuerName ?? null,
      signer_name: input.signerName ?? null,
      signer_title: input.signerTitle ?? null,
      issued_on: input.issuedOn ?? null,
      full_text: input.fullText ?? null,
      coordinator_org_id: coordinatorOrgId,
      reporting_day: input.reportingDay ?? null,
      meeting_day: input.meetingDay ?? null,
      report_frequency: input.reportFrequency ?? 'monthly',
      state: input.state ?? 'active',
      open_data: input.openData ? 1 : 0,
      open_data_reports: input.openDataReports ? 1 : 0,
      search_text: searchTextOf(input.number, input.title, input.issuerName),
      created_by: actor.via === 'system' ? null : actor.userId,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await writeLinks(trx, row.id, input.implements);
  await recordAudit(trx, actor, { action: 'create', entityType: 'directive', entityId: row.id, after: { ...presentDirective(row), implements: input.implements } });
  return findDirective(trx, row.id);
}

export async function createDirective(db: Kysely<Database>, actor: Actor, input: DirectiveCreateInput) {
  const row = await db.transaction().execute((trx) => insertDirective(trx, actor, input));
  return getDirectiveDetail(db, row.id);
}

/** Applies a directive update inside the caller's transaction (the importer's re-import path too). */
export async function applyDirectiveUpdate(trx: Kysely<Database>, actor: Actor, id: number, input: DirectiveUpdateInput): Promise<void> {
  const before = await findDirective(trx, id);
  if (!policies.directive.manage(actor, before)) throw new AppError('forbidden');
  const beforeLinks = (await trx.selectFrom('directive_links').select('implements_number').where('directive_id', '=', id).orderBy('id').execute()).map((l) => l.implements_number);
  if (input.coordinatorOrgId !== undefined && input.coordinatorOrgId !== before.coordinator_org_id && actor.role !== 'admin') {
    throw new AppError('forbidden', 'Chỉ quản trị hệ thống mới đổi được cơ quan theo dõi.');
  }
  if (input.coordinatorOrgId) await findOrg(trx, input.coordinatorOrgId);
  if (input.issuerOrgId) await findOrg(trx, input.issuerOrgId);
  const number = input.number ? cleanText(input.number) : before.number;
  const title = input.title ? cleanText(input.title) : before.title;
  const issuerName = input.issuerName === undefined ? before.issuer_name : input.issuerName;
  const row = await trx
    .updateTable('directives')
    .set({
      number,
      title,
      issuer_name: issuerName,
      ...(input.kind ? { kind: input.kind } : {}),
      ...(input.issuerOrgId !== undefined ? { issuer_org_id: input.issuerOrgId } : {}),
      ...(input.signerName !== undefined ? { signer_name: input.signerName } : {}),
      ...(input.signerTitle !== undefined ? { signer_title: input.signerTitle } : {}),
      ...(input.issuedOn !== undefined ? { issued_on: input.issuedOn } : {}),
      ...(input.fullText !== undefined ? { full_text: input.fullText } : {}),
      ...(input.coordinatorOrgId !== undefined ? { coordinator_org_id: input.coordinatorOrgId } : {}),
      ...(input.reportingDay !== undefined ? { reporting_day: input.reportingDay } : {}),
      ...(input.meetingDay !== undefined ? { meeting_day: input.meetingDay } : {}),
      ...(input.reportFrequency ? { report_frequency: input.reportFrequency } : {}),
      ...(input.state ? { state: input.state } : {}),
      ...(input.openData !== undefined ? { open_data: input.openData ? 1 : 0 } : {}),
      ...(input.openDataReports !== undefined ? { open_data_reports: input.openDataReports ? 1 : 0 } : {}),
      search_text: searchTextOf(number, title, issuerName),
      updated_at: nowIso(),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  if (input.implements) await writeLinks(trx, id, input.implements);
  const snapshot = async (d: typeof before) => ({
    ...presentDirective(d),
    fullTextLength: d.full_text?.length ?? 0,
    implements: (await trx.selectFrom('directive_links').select('implements_number').where('directive_id', '=', id).orderBy('id').execute()).map((l) => l.implements_number),
  });
  const beforeSnapshot = { ...(await snapshot(before)), ...(input.implements ? { implements: beforeLinks } : {}) };
  await recordAudit(trx, actor, { action: 'update', entityType: 'directive', entityId: id, before: beforeSnapshot, after: await snapshot(row) });
  // Publishing (or withdrawing) open data is a decision of its own in the log, easy to find.
  const openData = (d: typeof before) => ({ openData: d.open_data === 1, openDataReports: d.open_data_reports === 1 });
  if (before.open_data !== row.open_data || before.open_data_reports !== row.open_data_reports) {
    await recordAudit(trx, actor, { action: 'open_data', entityType: 'directive', entityId: id, before: openData(before), after: openData(row) });
  }
}

export async function updateDirective(db: Kysely<Database>, actor: Actor, id: number, input: DirectiveUpdateInput) {
  await db.transaction().execute((trx) => applyDirectiveUpdate(trx, actor, id, input));
  return getDirectiveDetail(db, id);
}

/** Adds a section inside the caller's transaction (the importer's path too). */
export async function insertSection(trx: Kysely<Database>, actor: Actor, directiveId: number, input: SectionInput) {
  const directive = await findDirective(trx, directiveId);
  if (!policies.directive.manage(actor, directive)) throw new AppError('forbidden');
  if (input.parentId) {
    const parent = await trx.selectFrom('sections').select('directive_id').where('id', '=', input.parentId).executeTakeFirst();
    if (parent?.directive_id !== directiveId) throw new AppError('validation_failed', 'Mục cha không thuộc văn bản này.');
  }
  const max = await trx.selectFrom('sections').select((eb) => eb.fn.max('position').as('p')).where('directive_id', '=', directiveId).executeTakeFirst();
  const row = await trx
    .insertInto('sections')
    .values({
      directive_id: directiveId,
      parent_id: input.parentId ?? null,
      code: input.code,
      title: cleanText(input.title),
      position: input.position ?? Number(max?.p ?? 0) + 1,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(trx, actor, { action: 'create', entityType: 'section', entityId: row.id, after: presentSection(row) });
  return presentSection(row);
}

export async function createSection(db: Kysely<Database>, actor: Actor, directiveId: number, input: SectionInput) {
  return db.transaction().execute((trx) => insertSection(trx, actor, directiveId, input));
}

export async function getSection(db: Kysely<Database>, id: number) {
  const row = await db.selectFrom('sections').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', `Không tìm thấy mục #${id}.`);
  return presentSection(row);
}

export async function updateSection(db: Kysely<Database>, actor: Actor, id: number, input: Partial<SectionInput>) {
  return db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('sections').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw new AppError('not_found', `Không tìm thấy mục #${id}.`);
    if (!policies.directive.manage(actor, await findDirective(trx, before.directive_id))) throw new AppError('forbidden');
    if (input.parentId) {
      // The parent belongs to the same directive and is not this section or one of its sub-sections.
      let current: number | null = input.parentId;
      for (let depth = 0; current !== null && depth < 50; depth++) {
        const parent: { id: number; parent_id: number | null; directive_id: number } | undefined = await trx.selectFrom('sections').select(['id', 'parent_id', 'directive_id']).where('id', '=', current).executeTakeFirst();
        if (!parent || parent.directive_id !== before.directive_id) throw new AppError('validation_failed', 'Mục cha không thuộc văn bản này.');
        if (parent.id === id) throw new AppError('validation_failed', 'Mục cha không thể là chính mục này hoặc mục con của nó.');
        current = parent.parent_id;
      }
    }
    const changes = {
      ...(input.code ? { code: input.code } : {}),
      ...(input.title ? { title: cleanText(input.title) } : {}),
      ...(input.position !== undefined ? { position: input.position } : {}),
      ...(input.parentId !== undefined ? { parent_id: input.parentId } : {}),
    };
    // An empty patch changes nothing (an UPDATE with no SET clause is not SQL).
    if (!Object.keys(changes).length) return presentSection(before);
    const row = await trx.updateTable('sections').set(changes).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    await recordAudit(trx, actor, { action: 'update', entityType: 'section', entityId: id, before: presentSection(before), after: presentSection(row) });
    return presentSection(row);
  });
}
