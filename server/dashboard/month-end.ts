import type { Kysely } from 'kysely';
import { chunks } from '../db/batches.ts';
import type { Database } from '../db/types.ts';
import { getSetting } from '../settings/service.ts';
import { emptyByStatus, type OrgFilter, snapshot } from './snapshot.ts';

/**
 * Last month's figures, the dashboard's comparison: the status classes per agency at a month's end, rebuilt from
 * the dates once the month is over and kept (the daily job writes them), so the country's comparison reads
 * 40,000 counters instead of rebuilding 600,000 assignments on every request. They stay as they were seen that
 * day, as the figures of a monthly meeting do.
 */
export async function recordMonthEnd(db: Kysely<Database>, monthEnd: string): Promise<number> {
  const recorded = await db.selectFrom('monthly_org_status').select('org_id').where('month_end', '=', monthEnd).limit(1).execute();
  if (recorded.length) return 0;
  const dueSoonDays = await getSetting(db, 'status.dueSoonDays');
  const snap = snapshot(db, 'all', {}, { date: monthEnd, live: false }, dueSoonDays);
  const rows = await db
    .selectFrom(snap.as('s'))
    .select(['s.org_id', 's.cls'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .groupBy(['s.org_id', 's.cls'])
    .execute();
  const values = rows.map((r) => ({ month_end: monthEnd, org_id: r.org_id, status_class: r.cls, n: Number(r.n) }));
  // Two instances may both compute it; the first one's rows stay.
  await db.transaction().execute(async (trx) => {
    for (const batch of chunks(values)) {
      await trx
        .insertInto('monthly_org_status')
        .values(batch)
        .onConflict((oc) => oc.columns(['month_end', 'org_id', 'status_class']).doNothing())
        .execute();
    }
  });
  return values.length;
}

/** The kept figures of a month's end for the orgs in view, or null when that month was not recorded. */
export async function monthEndByStatus(db: Kysely<Database>, monthEnd: string, orgs: OrgFilter): Promise<Record<string, number> | null> {
  const rows = await db
    .selectFrom('monthly_org_status')
    .select('status_class')
    .select((eb) => eb.fn.sum<number>('n').as('n'))
    .where('month_end', '=', monthEnd)
    .$if(orgs !== 'all', (qb) => qb.where('org_id', 'in', orgs === 'all' || orgs.length === 0 ? [-1] : [...orgs]))
    .groupBy('status_class')
    .execute();
  if (rows.length === 0) return null;
  const byStatus = emptyByStatus();
  for (const r of rows) byStatus[r.status_class] = Number(r.n);
  return byStatus;
}
