import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';

/**
 * Exactly-once runs across server instances sharing one database: a job run takes the lease of its key
 * (job and date); a finished run marks it done for good; a run that crashed can be retaken once its lease
 * has expired.
 */
export async function takeLease(db: Kysely<Database>, key: string, owner: string, ttlMs: number, now = new Date()): Promise<boolean> {
  const expires = new Date(now.getTime() + ttlMs).toISOString();
  const inserted = await db
    .insertInto('job_leases')
    .values({ key, owner, expires_at: expires, last_run_at: null })
    .onConflict((oc) => oc.column('key').doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return true;
  const retaken = await db
    .updateTable('job_leases')
    .set({ owner, expires_at: expires })
    .where('key', '=', key)
    .where('last_run_at', 'is', null)
    .where('expires_at', '<', now.toISOString())
    .executeTakeFirst();
  return Number(retaken.numUpdatedRows) === 1;
}

export async function completeLease(db: Kysely<Database>, key: string, owner: string): Promise<void> {
  await db.updateTable('job_leases').set({ last_run_at: new Date().toISOString() }).where('key', '=', key).where('owner', '=', owner).execute();
}

/** Runs `work` under the lease of `key` if nobody has run or is running it; true when this call ran it. */
export async function runOnce(db: Kysely<Database>, key: string, owner: string, work: () => Promise<void>, ttlMs = 30 * 60_000): Promise<boolean> {
  if (!(await takeLease(db, key, owner, ttlMs))) return false;
  await work();
  await completeLease(db, key, owner);
  return true;
}
