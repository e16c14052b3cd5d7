// Frozen in time: never edit after release; add a new migration instead.
import { type Kysely, PostgresAdapter, sql } from 'kysely';

type Db = Kysely<any>;

/**
 * What the monthly cycle adds: annual occurrences of recurring tasks; each person chooses how notifications reach their mailbox (daily digest, at once, or not at all).
 * On PostgreSQL also: sort keys compare bytes (collation "C") as they do on SQLite, whatever the server's
 * locale, and TRUNCATE cannot empty the append-only audit log.
 */
export async function up(db: Db): Promise<void> {
  await db.schema.alterTable('users').addColumn('mail_mode', 'text', (c) => c.notNull().defaultTo('digest')).execute();
  // A mail is claimed before it is sent and marked sent after: a crash in between leaves a stale claim to retry, not a lost mail.
  await db.schema.alterTable('notifications').addColumn('mail_claimed_at', 'text').execute();
  await db.schema.createIndex('notifications_unmailed_idx').on('notifications').columns(['emailed_at', 'user_id']).execute();
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  // Annual tasks ("Trước tháng 10 hàng năm"): one occurrence per year, each judged on its own.
  await db.schema
    .createTable('assignment_occurrences')
    .addColumn('id', pg ? 'serial' : 'integer', (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('assignment_id', 'integer', (c) => c.notNull().references('assignments.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('completed_on', 'text')
    .addColumn('status_class', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('assignment_occurrences_uq', ['assignment_id', 'year'])
    .execute();
  if (pg) {
    const byteOrdered: [string, string][] = [
      ['orgs', 'sort_key'],
      ['orgs', 'code'],
      ['tasks', 'sort_key'],
      ['users', 'username'],
      ['users', 'name_search'],
      ['directives', 'number'],
    ];
    for (const [table, column] of byteOrdered) {
      await sql`ALTER TABLE ${sql.table(table)} ALTER COLUMN ${sql.ref(column)} TYPE text COLLATE "C"`.execute(db);
    }
    await sql`CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`.execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('0002_monthly_cycle cannot be reverted: restore a backup instead');
}
