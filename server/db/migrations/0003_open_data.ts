// Frozen in time: never edit after release; add a new migration instead.
import type { Kysely } from 'kysely';

type Db = Kysely<any>;

/**
 * Open data: a directive opted in (`open_data`, present since 0001) publishes its task list without sign-in;
 * `open_data_reports` also publishes the latest accepted report's results of each task.
 */
export async function up(db: Db): Promise<void> {
  await db.schema.alterTable('directives').addColumn('open_data_reports', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}

export async function down(): Promise<void> {
  throw new Error('0003_open_data cannot be reverted: restore a backup instead');
}
