import { type Kysely, PostgresAdapter, sql } from 'kysely';
import { matchesSearch, matchesTaskSearch } from '../server/db/search.ts';
import type { Database } from '../server/db/types.ts';

type Time = (name: string, runs: number, work: () => Promise<unknown>) => Promise<{ name: string; runs: number; p50: number; p95: number }>;

// A rare phrase, words found nowhere, the bench's own query, a two-letter word beside a common one.
const QUERIES = ['trien khai nen tang', 'benh vien', 'du lieu dat dai', 'ha tang'];

/**
 * Task search as the list runs it (count, then the first page by due date), from migration 0007's trigram index
 * and by reading every text as before it, in this process: what the index is worth for each kind of query.
 */
export async function measureTaskSearch(db: Kysely<Database>, time: Time) {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const search = (q: string, scan: boolean) =>
    db.transaction().execute(async (trx) => {
      // PostgreSQL reads the GIN index through a bitmap scan: without it the planner reads every row.
      if (scan && postgres) await sql`set local enable_bitmapscan = off`.execute(trx);
      const where = scan ? matchesSearch('tasks.search_text', q) : matchesTaskSearch(trx, q);
      const { n } = await trx.selectFrom('tasks').select((eb) => eb.fn.countAll<number>().as('n')).where(where).executeTakeFirstOrThrow();
      await trx.selectFrom('tasks').select('id').where(where).orderBy('due_on').limit(20).execute();
      return Number(n);
    });
  const out = [];
  for (const q of QUERIES) {
    const matches = await search(q, false);
    out.push(await time(`task search "${q}" (${matches} tasks): trigram index`, 7, () => search(q, false)));
    out.push(await time(`task search "${q}" (${matches} tasks): every text read`, 7, () => search(q, true)));
  }
  return out;
}
