// Frozen in time: never edit after release; add a new migration instead.
import { type Kysely, PostgresAdapter, sql } from 'kysely';

type Db = Kysely<any>;

/**
 * Task search at national scale (200,000 tasks): every word of a query is a substring of the task's folded text
 * (db/search.ts), which a plain index cannot answer, so each search read all the texts (~150 ms alone, a second
 * with ten users). A trigram index answers substrings of three letters or more with the same meaning:
 * - SQLite: an FTS5 table with the trigram tokenizer over tasks.search_text (external content, kept by triggers);
 * - PostgreSQL: a GIN index with pg_trgm's operator class, which LIKE '%…%' uses by itself. pg_trgm ships with
 *   PostgreSQL but is an extension: where it cannot be created (not installed, no right to), search keeps scanning.
 */
export async function up(db: Db): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    const schema = await trigramSchema(db);
    if (schema) await sql`CREATE INDEX tasks_search_trgm_idx ON tasks USING gin (search_text ${sql.id(schema)}.gin_trgm_ops)`.execute(db);
    // README (Search) gives the two statements to run once pg_trgm can be installed.
    else console.warn('Năm Rõ: không tạo được extension pg_trgm; tìm kiếm nhiệm vụ vẫn đúng nhưng đọc toàn bộ bảng (xem README, mục tìm kiếm).');
    return;
  }
  // SQLite migrations run outside a transaction: every step may be run again after a crash, and the index is built
  // from the table only once the triggers keep it (a task written in between is in the rebuild).
  // case_sensitive 1: the texts and the words are folded by the application already; FTS5's own folding would
  // equate letters that LIKE keeps apart (ſ and s, ς and σ).
  await sql`CREATE VIRTUAL TABLE IF NOT EXISTS tasks_search USING fts5(search_text, content='tasks', content_rowid='id', tokenize='trigram case_sensitive 1')`.execute(db);
  await sql`CREATE TRIGGER IF NOT EXISTS tasks_search_insert AFTER INSERT ON tasks BEGIN
    INSERT INTO tasks_search(rowid, search_text) VALUES (NEW.id, NEW.search_text); END`.execute(db);
  await sql`CREATE TRIGGER IF NOT EXISTS tasks_search_delete AFTER DELETE ON tasks BEGIN
    INSERT INTO tasks_search(tasks_search, rowid, search_text) VALUES ('delete', OLD.id, OLD.search_text); END`.execute(db);
  await sql`CREATE TRIGGER IF NOT EXISTS tasks_search_update AFTER UPDATE OF search_text ON tasks BEGIN
    INSERT INTO tasks_search(tasks_search, rowid, search_text) VALUES ('delete', OLD.id, OLD.search_text);
    INSERT INTO tasks_search(rowid, search_text) VALUES (NEW.id, NEW.search_text); END`.execute(db);
  await sql`INSERT INTO tasks_search(tasks_search) VALUES ('rebuild')`.execute(db);
}

/** The schema holding pg_trgm, created in public when missing and allowed; null when it cannot be had. */
async function trigramSchema(db: Db): Promise<string | null> {
  const installed = async () =>
    (await sql<{ schema: string }>`SELECT n.nspname AS schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'`.execute(db)).rows[0]?.schema ?? null;
  const existing = await installed();
  if (existing) return existing;
  const available = await sql`SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'`.execute(db);
  if (available.rows.length === 0) return null;
  // Migrations run in one transaction: a refused CREATE EXTENSION must not abort it. Named schema, never the
  // connection's own: an extension created in a schema that is later dropped would take every index with it.
  await sql`SAVEPOINT pg_trgm`.execute(db);
  try {
    await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public`.execute(db);
  } catch {
    // No right to create it, or no public schema.
    await sql`ROLLBACK TO SAVEPOINT pg_trgm`.execute(db);
  }
  await sql`RELEASE SAVEPOINT pg_trgm`.execute(db);
  return installed();
}

export async function down(): Promise<void> {
  throw new Error('0007_task_search_index cannot be reverted: restore a backup instead');
}
