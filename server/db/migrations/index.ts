import type { Migration } from 'kysely';
import * as m0001 from './0001_initial.ts';
import * as m0002 from './0002_monthly_cycle.ts';
import * as m0003 from './0003_open_data.ts';
import * as m0004 from './0004_status_counts.ts';
import * as m0005 from './0005_review_queue_index.ts';
import * as m0006 from './0006_national_reads.ts';
import * as m0007 from './0007_task_search_index.ts';

/** Every migration, in order. Names are permanent: they are recorded in the database. */
export const migrations: Record<string, Migration> = {
  '0001_initial': m0001,
  '0002_monthly_cycle': m0002,
  '0003_open_data': m0003,
  '0004_status_counts': m0004,
  '0005_review_queue_index': m0005,
  '0006_national_reads': m0006,
  '0007_task_search_index': m0007,
};

export const LATEST_MIGRATION = Object.keys(migrations).at(-1) ?? '';
