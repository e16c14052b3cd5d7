import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { Cron } from 'croner';
import type { Kysely } from 'kysely';
import { TIME_ZONE } from '../config.ts';
import type { Database } from '../db/types.ts';
import { clock, vietnamDate } from '../domain/time.ts';
import { sendPendingMail } from '../mail/digest.ts';
import type { Mailer } from '../mail/mailer.ts';
import { getSetting } from '../settings/service.ts';
import { runOnce } from './lease.ts';
import { runDailyReminders } from './reminders.ts';

export interface SchedulerDeps {
  db: Kysely<Database>;
  mailer: Mailer | null;
  publicUrl: string;
  log: { info(o: object, msg: string): void; error(o: object, msg: string): void };
}

export interface DailyResult {
  reminders: boolean;
  digest: boolean;
}

/** This instance's name in job leases. */
export const INSTANCE_ID = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;

/** The day's work, each part at most once across every instance: reminders, then the digest mail. */
export async function runDailyJobs(deps: SchedulerDeps, date: string, owner = INSTANCE_ID): Promise<DailyResult> {
  const reminders = await runOnce(deps.db, `reminders:${date}`, owner, async () => {
    const summary = await runDailyReminders(deps.db, date);
    deps.log.info(summary, 'daily reminders');
  });
  const mailer = deps.mailer;
  // The digest carries the day's reminders: it waits until they are done (maybe by another instance).
  const remindersDone = await deps.db.selectFrom('job_leases').select('key').where('key', '=', `reminders:${date}`).where('last_run_at', 'is not', null).executeTakeFirst();
  const digest = mailer && remindersDone
    ? await runOnce(deps.db, `digest:${date}`, owner, async () => {
        const result = await sendPendingMail(deps.db, mailer, 'digest', deps.publicUrl, date);
        deps.log.info(result, 'daily digest mail');
      })
    : false;
  return { reminders, digest };
}

/**
 * croner jobs in Vietnam's time zone: the daily run at the configured hour, and a flush of immediate mail
 * every two minutes. At start, a day whose hour has passed without a run is caught up (once).
 */
export async function startScheduler(deps: SchedulerDeps): Promise<{ stop(): void }> {
  const hour = await getSetting(deps.db, 'reminders.hour');
  const guard = (name: string, job: () => Promise<unknown>) => () => {
    job().catch((err: unknown) => deps.log.error({ err }, `${name} failed`));
  };
  const daily = guard('daily jobs', () => runDailyJobs(deps, vietnamDate()));
  const jobs = [
    new Cron(`0 ${hour} * * *`, { timezone: TIME_ZONE, protect: true }, daily),
    new Cron('*/2 * * * *', { timezone: TIME_ZONE, protect: true }, guard('immediate mail', async () => {
      if (deps.mailer) await sendPendingMail(deps.db, deps.mailer, 'immediate', deps.publicUrl, vietnamDate());
      // A daily run that failed (or whose instance died) is taken up again; the leases keep it to once.
      if ((clock.now().getUTCHours() + 7) % 24 >= hour) await runDailyJobs(deps, vietnamDate());
    })),
  ];
  const vietnamHour = (clock.now().getUTCHours() + 7) % 24;
  if (vietnamHour >= hour) daily();
  return { stop: () => jobs.forEach((j) => j.stop()) };
}
