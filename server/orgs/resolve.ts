import type { Kysely } from 'kysely';
import type { Database, Org } from '../db/types.ts';
import { vietnamDate } from '../domain/time.ts';
import { isOrgActive } from './presenter.ts';
import { normaliseOrgName } from './service.ts';

export interface ResolvedName {
  written: string;
  /** resolved: one org; group: a collective that expands to `orgs`; unknown: nothing matched. */
  status: 'resolved' | 'group' | 'unknown';
  /** The org the name denotes (the group itself for collectives, the successor for a merged department). */
  org: Pick<Org, 'id' | 'name' | 'kind'> | null;
  /** Who actually carries the work: the org, its successors, or the members of a group. */
  orgs: Pick<Org, 'id' | 'name' | 'kind'>[];
  /** Set when the written name belonged to an org that no longer existed on the date (merged, renamed). */
  replaced?: Pick<Org, 'id' | 'name'>;
}

/** Forms to try for a name as written: as is, then without a trailing "tỉnh …" that documents add or omit. */
function candidateForms(written: string): string[] {
  const folded = normaliseOrgName(written);
  const forms = [folded, folded.replace(/ tinh( [a-z ]+)?$/, ''), folded.replace(/ (cua )?tinh$/, '')];
  return [...new Set(forms.filter((f) => f.length > 0))];
}

async function successorsOn(db: Kysely<Database>, org: Org, onDate: string, depth = 0): Promise<Org[]> {
  if (isOrgActive(org, onDate) || depth > 5) return [org];
  const next = await db
    .selectFrom('org_successions')
    .innerJoin('orgs', 'orgs.id', 'org_successions.successor_id')
    .selectAll('orgs')
    .where('org_successions.predecessor_id', '=', org.id)
    .execute();
  if (next.length === 0) return [org];
  const all = await Promise.all(next.map((o) => successorsOn(db, o, onDate, depth + 1)));
  return all.flat();
}

/** The active member orgs of a collective group, by the kinds it names and any explicit members. */
export async function expandGroup(db: Kysely<Database>, group: Org, onDate: string): Promise<Org[]> {
  const kinds = group.member_kinds ? (JSON.parse(group.member_kinds) as string[]) : [];
  const byKind = kinds.length ? await db.selectFrom('orgs').selectAll().where('kind', 'in', kinds).orderBy('position').orderBy('sort_key').execute() : [];
  const explicit = await db
    .selectFrom('org_group_members')
    .innerJoin('orgs', 'orgs.id', 'org_group_members.member_id')
    .selectAll('orgs')
    .where('org_group_members.group_id', '=', group.id)
    .execute();
  const seen = new Set<number>();
  return [...byKind, ...explicit].filter((o) => isOrgActive(o, onDate) && !seen.has(o.id) && seen.add(o.id));
}

const brief = (o: Org) => ({ id: o.id, name: o.name, kind: o.kind });

/**
 * Turns an agency name as a document writes it into the orgs that carry the work on a date:
 * aliases and abbreviations, departments merged since (to their successors), collective groups (to members).
 */
export async function resolveOrgName(db: Kysely<Database>, written: string, onDate: string = vietnamDate()): Promise<ResolvedName> {
  for (const form of candidateForms(written)) {
    const rows = await db
      .selectFrom('org_aliases')
      .innerJoin('orgs', 'orgs.id', 'org_aliases.org_id')
      .selectAll('orgs')
      .where('org_aliases.alias_search', '=', form)
      .orderBy('orgs.id')
      .execute();
    // Prefer an org active on the date when a name is shared (a renamed body keeping its old name).
    const match = rows.find((r) => isOrgActive(r, onDate)) ?? rows[0];
    if (!match) continue;
    if (match.kind === 'group') {
      return { written, status: 'group', org: brief(match), orgs: (await expandGroup(db, match, onDate)).map(brief) };
    }
    const carriers = await successorsOn(db, match, onDate);
    const replaced = carriers.length === 1 && carriers[0]?.id === match.id ? undefined : { id: match.id, name: match.name };
    const first = carriers[0] ?? match;
    return { written, status: 'resolved', org: brief(first), orgs: carriers.map(brief), ...(replaced ? { replaced } : {}) };
  }
  return { written, status: 'unknown', org: null, orgs: [] };
}
