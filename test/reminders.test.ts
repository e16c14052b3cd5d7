import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseDatabaseUrl } from '../server/config.ts';
import { openDatabase } from '../server/db/connection.ts';
import { runDailyJobs, type SchedulerDeps } from '../server/jobs/scheduler.ts';
import { sendPendingMail } from '../server/mail/digest.ts';
import { createMailer, type Mailer } from '../server/mail/mailer.ts';
import { forEachDialect } from './helpers/db.ts';
import { setupApi } from './helpers/api.ts';
import { startSmtpServer } from './helpers/smtp.ts';

const quiet = { info: () => undefined, error: () => undefined };

forEachDialect('reminders, escalation and the daily digest over real SMTP', (dialect) => {
  const ctx = setupApi(dialect);
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let mailer: Mailer;
  let deps: SchedulerDeps;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    mailer = createMailer({ smtpUrl: smtp.url, smtpFrom: 'Năm Rõ <namro@haiduong.gov.vn>' }) as Mailer;
    const { db } = ctx.get();
    for (const u of ['healthleader', 'healthstaff', 'coordinator', 'viewer', 'homestaff']) {
      await db.db.updateTable('users').set({ email: `${u}@haiduong.gov.vn` }).where('username', '=', u).execute();
    }
    await db.db.updateTable('users').set({ mail_mode: 'none' }).where('username', '=', 'homestaff').execute();
    deps = { db: db.db, mailer, publicUrl: 'https://namro.haiduong.gov.vn', log: quiet };
  });
  afterAll(async () => {
    mailer.close();
    await smtp.close();
  });

  const mailsTo = (address: string) => smtp.received.filter((m) => m.to.includes(address));
  const notes = async (username: string, kind: string) =>
    ctx
      .get()
      .db.db.selectFrom('notifications')
      .innerJoin('users', 'users.id', 'notifications.user_id')
      .select(['notifications.title', 'notifications.dedupe_key'])
      .where('users.username', '=', username)
      .where('notifications.kind', '=', kind)
      .execute();

  it('reminds of the report three days before it is due and mails one digest per person', async () => {
    // 18/5/2025 is a Sunday: the May report is due Monday 19/5, three days after 16/5.
    expect(await runDailyJobs(deps, '2025-05-16', 'instance-a')).toEqual({ reminders: true, digest: true });
    const due = await notes('healthleader', 'report_due');
    expect(due.map((n) => n.title)).toEqual(['Còn 3 ngày đến hạn nộp báo cáo kỳ 2025-05 (19/05/2025)']);
    const mails = mailsTo('healthleader@haiduong.gov.vn');
    expect(mails).toHaveLength(1);
    const mail = mails[0]?.parsed;
    expect(mail?.subject).toMatch(/^\[Năm Rõ\] \d+ việc cần chú ý — 16\/05\/2025$/);
    expect(mail?.text).toContain('Kính gửi Người dùng healthLeader');
    expect(mail?.text).toContain('Báo cáo cần nộp:');
    expect(mail?.text).toContain('Còn 3 ngày đến hạn nộp báo cáo kỳ 2025-05 (19/05/2025)');
    expect(mail?.text).toContain('Số hóa dữ liệu y tế, đất đai phục vụ thủ tục hành chính');
    expect(mail?.text).toContain('https://namro.haiduong.gov.vn/tasks/');
    expect(mail?.html).toContain('<a href="https://namro.haiduong.gov.vn/tasks/');
    // Nothing to say, no mail: the viewer has an address but no notification; Sở Nội vụ chose no mail.
    expect(mailsTo('viewer@haiduong.gov.vn')).toHaveLength(0);
    expect(mailsTo('homestaff@haiduong.gov.vn')).toHaveLength(0);
    expect((await notes('homestaff', 'report_due')).length).toBe(1);
  });

  it('runs a day once even with two instances at the same time', async () => {
    const before = smtp.received.length;
    const second = openDatabase(parseDatabaseUrl(ctx.get().db.url));
    try {
      // Two instances share PostgreSQL at the same moment; SQLite serves one instance, so there they run in turn.
      const a = () => runDailyJobs(deps, '2025-05-19', 'instance-a');
      const b = () => runDailyJobs({ ...deps, db: second.db }, '2025-05-19', 'instance-b');
      const results = dialect === 'postgres' ? await Promise.all([a(), b()]) : [await a(), await b()];
      expect(results.filter((r) => r.reminders)).toHaveLength(1);
      expect(results.filter((r) => r.digest)).toHaveLength(1);
    } finally {
      await second.close();
    }
    expect((await notes('healthleader', 'report_due')).map((n) => n.title)).toContain('Hôm nay (19/05/2025) là hạn nộp báo cáo kỳ 2025-05');
    const newMails = smtp.received.slice(before);
    expect(newMails.filter((m) => m.to.includes('healthleader@haiduong.gov.vn'))).toHaveLength(1);
    // The same day again sends nothing.
    expect(await runDailyJobs(deps, '2025-05-19', 'instance-c')).toEqual({ reminders: false, digest: false });
  });

  it('after days of downtime catches up once: overdue now, not the reminders of the missed days', async () => {
    const before = smtp.received.length;
    expect(await runDailyJobs(deps, '2025-06-04', 'instance-a')).toEqual({ reminders: true, digest: true });
    const overdue = await notes('healthstaff', 'overdue');
    // Due 31/5/2025, a Saturday: met by Monday 2/6, so two days late on 4/6.
    expect(overdue.map((n) => n.title)).toEqual(['Quá hạn 2 ngày (hạn 02/06/2025)']);
    expect(await notes('healthstaff', 'deadline_near')).toHaveLength(0);
    const mail = smtp.received.slice(before).find((m) => m.to.includes('healthstaff@haiduong.gov.vn'));
    expect(mail?.parsed.text).toContain('Quá hạn và cần báo cáo lãnh đạo:');
    expect(mail?.parsed.text).toContain('Quá hạn 2 ngày (hạn 02/06/2025)');
  });

  it('repeats overdue reminders weekly and escalates to the coordinator after three', async () => {
    for (const day of ['2025-06-10', '2025-06-17', '2025-06-24']) await runDailyJobs(deps, day, 'instance-a');
    expect((await notes('healthleader', 'overdue')).length).toBe(4);
    expect(await notes('coordinator', 'escalation')).toHaveLength(1);
    const escalation = (await notes('coordinator', 'escalation'))[0];
    expect(escalation?.title).toMatch(/^Sở Y tế quá hạn 22 ngày sau 3 lần nhắc$/);
    const mail = mailsTo('coordinator@haiduong.gov.vn').at(-1);
    expect(mail?.parsed.text).toContain('Sở Y tế quá hạn 22 ngày');
  });

  it('sends again a mail whose sender died after claiming it, but not one another sender is sending now', async () => {
    const { db, userIds } = ctx.get();
    const now = Date.now();
    const row = (title: string, claimedAt: string) => ({ user_id: userIds.healthLeader, kind: 'comment', title, body: null, link: '/tasks/1', entity_type: null, entity_id: null, dedupe_key: null, created_at: new Date(now).toISOString(), mail_claimed_at: claimedAt });
    await db.db.insertInto('notifications').values([row('Thư bị gián đoạn', new Date(now - 60 * 60_000).toISOString()), row('Thư đang gửi', new Date(now - 60_000).toISOString())]).execute();
    const before = smtp.received.length;
    const result = await sendPendingMail(db.db, mailer, 'digest', 'https://namro.haiduong.gov.vn', '2025-06-25');
    expect(result).toEqual({ sent: 1, failed: 0 });
    const mail = smtp.received.slice(before)[0]?.parsed;
    expect(mail?.text).toContain('Thư bị gián đoạn');
    expect(mail?.text).not.toContain('Thư đang gửi');
    const states = await db.db.selectFrom('notifications').select(['title', 'emailed_at']).where('title', 'in', ['Thư bị gián đoạn', 'Thư đang gửi']).orderBy('title').execute();
    expect(states.map((s) => [s.title, s.emailed_at !== null])).toEqual([['Thư bị gián đoạn', true], ['Thư đang gửi', false]]);
  });
});
