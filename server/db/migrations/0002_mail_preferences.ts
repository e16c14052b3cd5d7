// Frozen in time: never edit after release; add a new migration instead.
import { type Kysely, PostgresAdapter, sql } from 'kysely';

type Db = Kysely<any>;

/**
 * Each person chooses how notifications reach their mailbox (daily digest, at once, or not at all).
 * On PostgreSQL also: sort keys compare bytes (collation "C") as they do on SQLite, whatever the server's
 * locale, and TRUNCATE cannot empty the append-only audit log.
 */
export async function up(db: Db): Promise<void> {
  await db.schema.alterTable('users').addColumn('mail_mode', 'text', (c) => c.notNull().defaultTo('digest')).execute();
  await db.schema.createIndex('notifications_unmailed_idx').on('notifications').columns(['emailed_at', 'user_id']).execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
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
  throw new Error('0002_mail_preferences cannot be reverted: restore a backup instead');
}
