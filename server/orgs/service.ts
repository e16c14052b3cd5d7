import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor.ts';
import { policies } from '../auth/permissions.ts';
import { recordAudit } from '../audit/service.ts';
import type { Database, Org } from '../db/types.ts';
import { matchesSearch } from '../db/search.ts';
import { nowIso, vietnamDate } from '../domain/time.ts';
import { cleanText, foldVietnamese, vietnameseSortKey } from '../domain/vietnamese.ts';
import { AppError } from '../errors.ts';
import { pageOf } from '../http/schemas.ts';
import { presentOrg } from './presenter.ts';
import { forgetOrgSubtrees } from './scope.ts';
import type { OrgCreateInput, OrgListQuery, OrgUpdateInput } from './schemas.ts';

/** Folded and stripped of trailing punctuation: how names as written are compared. */
export function normaliseOrgName(name: string): string {
  return foldVietnamese(name).replace(/[\s.;,:]+$/u, '').replace(/^[-–•+\s]+/u, '');
}

export async function listOrgs(db: Kysely<Database>, q: OrgListQuery) {
  const today = vietnamDate();
  let base = db.selectFrom('orgs');
  if (q.kind) base = base.where('kind', '=', q.kind);
  if (q.parentId) base = base.where('parent_id', '=', q.parentId);
  if (q.q) base = base.where(matchesSearch('name_search', q.q));
  if (q.includeInactive !== 'true') {
    base = base
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', today)]))
      .where((eb) => eb.or([eb('valid_from', 'is', null), eb('valid_from', '<=', today)]));
  }
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const desc = q.sort.startsWith('-');
  const column = q.sort.replace('-', '');
  const ordered =
    column === 'name'
      ? base.orderBy('sort_key', desc ? 'desc' : 'asc')
      : column === 'code'
        ? base.orderBy('code', desc ? 'desc' : 'asc')
        : column === 'kind'
          ? base.orderBy('kind').orderBy('position')
          : base.orderBy('position').orderBy('sort_key');
  const rows = await ordered
    .selectAll()
    .orderBy('id')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return pageOf(rows.map(presentOrg), Number(total), q.page, q.pageSize);
}

export async function findOrg(db: Kysely<Database>, id: number): Promise<Org> {
  const org = await db.selectFrom('orgs').selectAll().where('id', '=', id).executeTakeFirst();
  if (!org) throw new AppError('not_found', `Không tìm thấy cơ quan, đơn vị #${id}.`);
  return org;
}

export async function getOrgDetail(db: Kysely<Database>, id: number) {
  const org = await findOrg(db, id);
  const [aliases, predecessors, successors, children] = await Promise.all([
    db.selectFrom('org_aliases').select('alias').where('org_id', '=', id).orderBy('id').execute(),
    db
      .selectFrom('org_successions')
      .innerJoin('orgs', 'orgs.id', 'org_successions.predecessor_id')
      .select(['orgs.id', 'orgs.name', 'org_successions.kind', 'org_successions.effective_on'])
      .where('org_successions.successor_id', '=', id)
      .execute(),
    db
      .selectFrom('org_successions')
      .innerJoin('orgs', 'orgs.id', 'org_successions.successor_id')
      .select(['orgs.id', 'orgs.name', 'org_successions.kind', 'org_successions.effective_on'])
      .where('org_successions.predecessor_id', '=', id)
      .execute(),
    db.selectFrom('orgs').select(['id', 'name', 'kind']).where('parent_id', '=', id).orderBy('position').orderBy('sort_key').execute(),
  ]);
  const names = new Set([normaliseOrgName(org.name), normaliseOrgName(org.short_name ?? '')]);
  const link = (r: { id: number; name: string; kind: string; effective_on: string }) => ({
    id: r.id,
    name: r.name,
    kind: r.kind,
    effectiveOn: r.effective_on,
  });
  return {
    ...presentOrg(org),
    aliases: aliases.map((a) => a.alias).filter((a) => !names.has(normaliseOrgName(a))),
    predecessors: predecessors.map(link),
    successors: successors.map(link),
    children,
  };
}

async function assertParentIsNotDescendant(db: Kysely<Database>, id: number, parentId: number): Promise<void> {
  let current: number | null = parentId;
  for (let depth = 0; current !== null && depth < 50; depth++) {
    if (current === id) throw new AppError('validation_failed', 'Cơ quan cấp trên không thể là chính nó hoặc đơn vị trực thuộc của nó.');
    const row: { parent_id: number | null } | undefined = await db.selectFrom('orgs').select('parent_id').where('id', '=', current).executeTakeFirst();
    current = row?.parent_id ?? null;
  }
}

async function writeNames(trx: Kysely<Database>, orgId: number, name: string, shortName: string | null | undefined, aliases: readonly string[]) {
  await trx.deleteFrom('org_aliases').where('org_id', '=', orgId).execute();
  const forms = new Map<string, string>();
  for (const written of [name, shortName ?? '', ...aliases]) {
    const folded = normaliseOrgName(written);
    if (folded && !forms.has(folded)) forms.set(folded, cleanText(written));
  }
  const rows = [...forms].map(([alias_search, alias]) => ({ org_id: orgId, alias, alias_search }));
  if (rows.length) await trx.insertInto('org_aliases').values(rows).execute();
}

function searchTextOf(name: string, shortName: string | null | undefined, aliases: readonly string[], code: string): string {
  return foldVietnamese([name, shortName ?? '', code, ...aliases].join(' '));
}

async function writeSuccessions(trx: Kysely<Database>, successorId: number, list: NonNullable<OrgCreateInput['successors']>) {
  await trx.deleteFrom('org_successions').where('successor_id', '=', successorId).execute();
  for (const s of list) {
    if (s.orgId === successorId) throw new AppError('validation_failed', 'Một cơ quan không thể kế thừa chính nó.');
    await findOrg(trx, s.orgId);
    await trx
      .insertInto('org_successions')
      .values({ predecessor_id: s.orgId, successor_id: successorId, kind: s.kind, effective_on: s.effectiveOn, note: null })
      .execute();
  }
}

/** Inserts one org with its names and audit row, inside the caller's transaction. */
export async function insertOrg(trx: Kysely<Database>, actor: Actor, input: OrgCreateInput): Promise<Org> {
  const clash = await trx.selectFrom('orgs').select('id').where('code', '=', input.code).executeTakeFirst();
  if (clash) throw new AppError('conflict', `Mã đơn vị "${input.code}" đã tồn tại.`);
  if (input.parentId) await findOrg(trx, input.parentId);
  const now = nowIso();
  const row = await trx
    .insertInto('orgs')
    .values({
      code: input.code,
      name: cleanText(input.name),
      short_name: input.shortName ? cleanText(input.shortName) : null,
      kind: input.kind,
      parent_id: input.parentId ?? null,
      valid_from: input.validFrom ?? null,
      valid_to: input.validTo ?? null,
      member_kinds: input.memberKinds ? JSON.stringify(input.memberKinds) : null,
      position: input.position ?? 0,
      email: input.email ?? null,
      name_search: searchTextOf(input.name, input.shortName, input.aliases, input.code),
      sort_key: vietnameseSortKey(input.name),
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await writeNames(trx, row.id, input.name, input.shortName, input.aliases);
  if (input.successors?.length) await writeSuccessions(trx, row.id, input.successors);
  await recordAudit(trx, actor, { action: 'create', entityType: 'org', entityId: row.id, after: { ...presentOrg(row), aliases: input.aliases } });
  return row;
}

export async function createOrg(db: Kysely<Database>, actor: Actor, input: OrgCreateInput) {
  if (!policies.org.write(actor)) throw new AppError('forbidden');
  const row = await db.transaction().execute((trx) => insertOrg(trx, actor, input));
  forgetOrgSubtrees();
  return getOrgDetail(db, row.id);
}

export async function updateOrg(db: Kysely<Database>, actor: Actor, id: number, input: OrgUpdateInput) {
  if (!policies.org.write(actor)) throw new AppError('forbidden');
  await db.transaction().execute(async (trx) => {
    const before = await getOrgDetail(trx, id);
    if (input.code && input.code !== before.code) {
      const clash = await trx.selectFrom('orgs').select('id').where('code', '=', input.code).executeTakeFirst();
      if (clash) throw new AppError('conflict', `Mã đơn vị "${input.code}" đã tồn tại.`);
    }
    if (input.parentId) {
      await findOrg(trx, input.parentId);
      await assertParentIsNotDescendant(trx, id, input.parentId);
    }
    const name = input.name ?? before.name;
    const shortName = input.shortName === undefined ? before.shortName : input.shortName;
    const aliases = input.aliases ?? before.aliases;
    const code = input.code ?? before.code;
    await trx
      .updateTable('orgs')
      .set({
        code,
        name: cleanText(name),
        short_name: shortName ? cleanText(shortName) : null,
        ...(input.kind ? { kind: input.kind } : {}),
        ...(input.parentId !== undefined ? { parent_id: input.parentId } : {}),
        ...(input.validFrom !== undefined ? { valid_from: input.validFrom } : {}),
        ...(input.validTo !== undefined ? { valid_to: input.validTo } : {}),
        ...(input.memberKinds !== undefined ? { member_kinds: input.memberKinds ? JSON.stringify(input.memberKinds) : null } : {}),
        ...(input.email !== undefined ? { email: input.email } : {}),
        ...(input.position !== undefined ? { position: input.position } : {}),
        name_search: searchTextOf(name, shortName, aliases, code),
        sort_key: vietnameseSortKey(name),
        updated_at: nowIso(),
      })
      .where('id', '=', id)
      .execute();
    await writeNames(trx, id, name, shortName, aliases);
    if (input.successors) await writeSuccessions(trx, id, input.successors);
    const after = await getOrgDetail(trx, id);
    await recordAudit(trx, actor, { action: 'update', entityType: 'org', entityId: id, before, after });
  });
  forgetOrgSubtrees();
  return getOrgDetail(db, id);
}
