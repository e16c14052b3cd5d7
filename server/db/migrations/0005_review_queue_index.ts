// Frozen in time: never edit after release; add a new migration instead.
import type { Kysely } from 'kysely';

type Db = Kysely<any>;

/**
 * The review desk reads the submitted reports of a coordinator's directives, oldest first. Without an index
 * on the state every request walked all of a directive's reports (tens of milliseconds for one province).
 */
export async function up(db: Db): Promise<void> {
  await db.schema.createIndex('progress_reports_state_idx').on('progress_reports').columns(['state', 'submitted_at']).execute();
}

export async function down(): Promise<void> {
  throw new Error('0005_review_queue_index cannot be reverted: restore a backup instead');
}
