import { type Kysely, Migrator, type MigrationResultSet } from 'kysely';
import { LATEST_MIGRATION, migrations } from './migrations/index.ts';
import type { Database } from './types.ts';

export class MigrationError extends Error {}

/** Applies every pending migration; safe to run concurrently (Kysely takes a lock). */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? '?';
    throw new MigrationError(`Migration ${failed} failed: ${String(result.error)}`, { cause: result.error });
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** The newest migration applied to this database, or null if none. */
export async function currentMigration(db: Kysely<Database>): Promise<string | null> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const list = await migrator.getMigrations();
  return list.filter((m) => m.executedAt).at(-1)?.name ?? null;
}

export { LATEST_MIGRATION };
