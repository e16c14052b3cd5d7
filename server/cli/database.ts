import type { DatabaseTarget } from '../config.ts';
import { type DatabaseHandle, openDatabase } from '../db/connection.ts';
import { migrateToLatest } from '../db/migrate.ts';

/** Opens the database for one command's work (migrated first when asked) and closes it however the work ends. */
export async function withDatabase<T>(target: DatabaseTarget, work: (handle: DatabaseHandle) => Promise<T>, options: { migrate?: boolean } = {}): Promise<T> {
  const handle = openDatabase(target);
  try {
    if (options.migrate) await migrateToLatest(handle.db);
    return await work(handle);
  } finally {
    await handle.close();
  }
}
