import { type Kysely, Migrator, type MigrationResultSet, PostgresAdapter, sql } from 'kysely';
import { LATEST_MIGRATION, migrations } from './migrations/index.ts';
import type { Database } from './types.ts';

export class MigrationError extends Error {}

/**
 * Kysely's bookkeeping tables in the connection's own schema. Without a schema named, Kysely takes a table of
 * the same name in any other schema for its own and skips creating it — several Năm Rõ databases (or test runs)
 * in one PostgreSQL database would then fail with "relation kysely_migration_lock does not exist".
 */
async function migratorFor(db: Kysely<Database>): Promise<Migrator> {
  const provider = { getMigrations: async () => migrations };
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return new Migrator({ db, provider });
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  return new Migrator({ db, provider, migrationTableSchema: rows[0]?.schema ?? 'public' });
}

/**
 * Kysely looks for its tables by listing every table of the PostgreSQL database; a schema dropped by someone
 * else at that instant makes the listing fail ("schema … does not exist") before anything was migrated.
 */
const CATALOG_RACE = /schema "[^"]+" does not exist|relation "[^"]+" does not exist/;

/** Applies every pending migration; safe to run concurrently (Kysely takes a lock). */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const migrator = await migratorFor(db);
  let result: MigrationResultSet = await migrator.migrateToLatest();
  for (let attempt = 1; attempt < 4 && result.error && !result.results?.length && CATALOG_RACE.test(String(result.error)); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    result = await migrator.migrateToLatest();
  }
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? '?';
    throw new MigrationError(`Migration ${failed} failed: ${String(result.error)}`, { cause: result.error });
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** The newest migration applied to this database, or null if none. */
export async function currentMigration(db: Kysely<Database>): Promise<string | null> {
  const migrator = await migratorFor(db);
  const list = await migrator.getMigrations();
  return list.filter((m) => m.executedAt).at(-1)?.name ?? null;
}

export { LATEST_MIGRATION };
