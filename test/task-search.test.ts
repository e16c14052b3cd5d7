import { CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { matchesTaskSearch } from '../server/db/search.ts';
import { seedDemo } from '../server/demo/seed.ts';
import { searchTerms } from '../server/domain/vietnamese.ts';
import { forEachDialect, freshDatabase, type TestDatabase } from './helpers/db.ts';

/**
 * Task search answers from a trigram index (migration 0007: FTS5 on SQLite, pg_trgm on PostgreSQL) and must find
 * exactly what "every word is a substring of the folded text" finds, for words of any length, and stay in step
 * with every insert, edit and deletion of a task.
 */

/** Deterministic pseudo-random numbers: a failure names its query and can be replayed. */
function prng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

forEachDialect('task search through the trigram index', (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase(dialect);
    await seedDemo(t.db);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  async function found(q: string): Promise<number[]> {
    const rows = await t.db.selectFrom('tasks').select('id').where(matchesTaskSearch(t.db, q)).orderBy('id').execute();
    return rows.map((r) => r.id);
  }

  async function expected(q: string): Promise<number[]> {
    const terms = searchTerms(q);
    const rows = await t.db.selectFrom('tasks').select(['id', 'search_text']).orderBy('id').execute();
    return rows.filter((r) => terms.every((w) => r.search_text.includes(w))).map((r) => r.id);
  }

  it('finds what a scan finds, for words of one to eight letters, several at once, and odd characters', async () => {
    const texts = (await t.db.selectFrom('tasks').select('search_text').execute()).map((r) => r.search_text);
    expect(texts.length).toBeGreaterThan(100);
    const random = prng(57);
    const pick = () => {
      const text = texts[Math.floor(random() * texts.length)] ?? '';
      const length = 1 + Math.floor(random() * 8);
      const start = Math.floor(random() * Math.max(1, text.length - length));
      return text.slice(start, start + length).trim();
    };
    const queries = ['du lieu dat dai', 'so y te', 'chuyen doi so', '726/kh-ubnd', 'Chuyển đổi SỐ', 'ab"c', '"so"', 'so OR te', 'NEAR(so te)', 'so*', '-so', 'xyzxyz', 'x', ''];
    for (let i = 0; i < 120; i++) queries.push(Array.from({ length: 1 + Math.floor(random() * 3) }, pick).join(' '));
    let nonEmpty = 0;
    for (const q of queries) {
      const want = await expected(q);
      if (want.length > 0 && want.length < texts.length) nonEmpty++;
      expect(await found(q), q).toEqual(want);
    }
    // The queries are worth something: most select some tasks, not none and not all.
    expect(nonEmpty).toBeGreaterThan(80);
  });

  it('follows a task whose text changes, a new task and a deleted one', async () => {
    const [first, second] = await t.db.selectFrom('tasks').select(['id', 'search_text']).orderBy('id').limit(2).execute();
    if (!first || !second) throw new Error('demo tasks missing');
    await t.db.updateTable('tasks').set({ search_text: 'quy trinh moi zqvtu' }).where('id', '=', first.id).execute();
    expect(await found('zqvtu')).toEqual([first.id]);
    expect(await found(first.search_text)).not.toContain(first.id);

    const { id: _id, ...copy } = await t.db.selectFrom('tasks').selectAll().where('id', '=', second.id).executeTakeFirstOrThrow();
    const added = await t.db.insertInto('tasks').values({ ...copy, ordinal: 'copy', search_text: 'nhiem vu them wkpqr' }).returning('id').executeTakeFirstOrThrow();
    expect(await found('wkpqr them')).toEqual([added.id]);

    await t.db.deleteFrom('tasks').where('id', 'in', [added.id, first.id]).execute();
    expect(await found('wkpqr')).toEqual([]);
    expect(await found('zqvtu')).toEqual([]);
  });

  it('keeps apart letters that only a looser case folding would equate (ſ and s, ς and σ)', async () => {
    const [task] = await t.db.selectFrom('tasks').select('id').orderBy('id', 'desc').limit(1).execute();
    if (!task) throw new Error('demo tasks missing');
    await t.db.updateTable('tasks').set({ search_text: 'ſoo ςοφ' }).where('id', '=', task.id).execute();
    for (const q of ['soo', 'σοφ', 'ſoo', 'ςοφ', 'ſoo ςοφ']) expect(await found(q), q).toEqual(await expected(q));
    expect(await found('ſoo ςοφ')).toEqual([task.id]);
  });

  it('reads the index, not every text, for a word of three letters or more', async (ctx) => {
    if (dialect === 'postgres') {
      // pg_trgm ships with PostgreSQL's contrib modules; without them search scans, and is still right (above).
      const { rows } = await sql`select 1 from pg_extension where extname = 'pg_trgm'`.execute(t.db);
      if (rows.length === 0) ctx.skip();
    }
    const { sql: text, parameters } = t.db.selectFrom('tasks').select('id').where(matchesTaskSearch(t.db, 'chuyen doi')).compile();
    const plan = await t.db.transaction().execute(async (trx) => {
      // The demo is small enough for PostgreSQL to prefer reading everything; forbid that to see the index is usable.
      if (dialect === 'postgres') await sql`set local enable_seqscan = off`.execute(trx);
      const explain = dialect === 'postgres' ? 'explain' : 'explain query plan';
      const { rows } = await trx.executeQuery(CompiledQuery.raw(`${explain} ${text}`, [...parameters]));
      return rows.map((r) => Object.values(r as Record<string, unknown>).join(' ')).join('\n');
    });
    expect(plan).toMatch(dialect === 'postgres' ? /tasks_search_trgm_idx/ : /VIRTUAL TABLE INDEX/);
  });
});
