import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/types.ts';

/** An org and all its descendants, via a recursive query; cached briefly since the tree rarely changes. */
const cache = new Map<number, { ids: number[]; at: number }>();
const TTL_MS = 60_000;

export async function orgSubtree(db: Kysely<Database>, orgId: number): Promise<number[]> {
  const hit = cache.get(orgId);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.ids;
  const rows = await db
    .withRecursive('subtree(id)', (qb) =>
      qb
        .selectFrom('orgs')
        .select('id')
        .where('id', '=', orgId)
        .unionAll((u) => u.selectFrom('orgs').innerJoin('subtree', 'subtree.id', 'orgs.parent_id').select('orgs.id')),
    )
    .selectFrom('subtree')
    .select(sql<number>`id`.as('id'))
    .execute();
  const ids = rows.map((r) => Number(r.id));
  cache.set(orgId, { ids, at: Date.now() });
  return ids;
}

export function forgetOrgSubtrees(): void {
  cache.clear();
}
