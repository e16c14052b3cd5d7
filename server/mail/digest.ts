import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import { formatVietnameseDate, nowIso } from '../domain/time.ts';
import type { Mailer, OutgoingMail } from './mailer.ts';

interface Pending {
  id: number;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
}

const SECTIONS: { title: string; kinds: string[] }[] = [
  { title: 'Quá hạn và cần báo cáo lãnh đạo', kinds: ['escalation', 'overdue'] },
  { title: 'Báo cáo cần nộp', kinds: ['report_due', 'report_returned'] },
  { title: 'Sắp đến hạn', kinds: ['deadline_near'] },
  { title: 'Việc mới và ý kiến chỉ đạo', kinds: ['assignment_new', 'direction', 'comment'] },
  { title: 'Chờ bạn xử lý', kinds: ['report_submitted', 'extension_requested', 'completion_proposed'] },
  { title: 'Kết quả xử lý', kinds: ['report_accepted', 'extension_decided', 'completion_decided'] },
];

export const CLAIM_TIMEOUT_MS = 10 * 60_000;

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** One message listing a person's notifications, grouped by urgency, in Vietnamese, with links. */
export function composeDigest(fullName: string, email: string, items: readonly Pending[], publicUrl: string, date: string): OutgoingMail {
  const grouped = SECTIONS.map((s) => ({ title: s.title, items: items.filter((i) => s.kinds.includes(i.kind)) }));
  const known = new Set(SECTIONS.flatMap((s) => s.kinds));
  grouped.push({ title: 'Khác', items: items.filter((i) => !known.has(i.kind)) });
  const present = grouped.filter((g) => g.items.length > 0);
  const url = (link: string | null) => (link ? `${publicUrl}${link}` : publicUrl);
  const subject = items.length === 1 ? `[Năm Rõ] ${items[0]?.title ?? ''}` : `[Năm Rõ] ${items.length} việc cần chú ý — ${formatVietnameseDate(date)}`;
  const text = [
    `Kính gửi ${fullName},`,
    '',
    `Năm Rõ tổng hợp ${items.length} thông báo của bạn:`,
    ...present.flatMap((g) => ['', `${g.title}:`, ...g.items.map((i) => `- ${i.title}${i.body ? `\n  ${i.body.replace(/\n/g, '\n  ')}` : ''}\n  ${url(i.link)}`)]),
    '',
    `Xem và xử lý tại ${publicUrl}`,
    'Thư được gửi tự động; bạn có thể chọn nhận thư ngay hoặc thư tổng hợp hằng ngày trong phần Tài khoản.',
  ].join('\n');
  const html = `<div style="font-family:Roboto,Arial,sans-serif;font-size:14px;color:#1f2937">
<p>Kính gửi ${escape(fullName)},</p><p>Năm Rõ tổng hợp <b>${items.length}</b> thông báo của bạn:</p>
${present
  .map((g) => `<h3 style="font-size:15px;margin:16px 0 4px">${escape(g.title)}</h3><ul>${g.items.map((i) => `<li><a href="${escape(url(i.link))}">${escape(i.title)}</a>${i.body ? `<br><span style="color:#4b5563">${escape(i.body).replace(/\n/g, '<br>')}</span>` : ''}</li>`).join('')}</ul>`)
  .join('\n')}
<p><a href="${escape(publicUrl)}">Mở Năm Rõ</a></p></div>`;
  return { to: email, subject, text, html };
}

/**
 * Sends what is waiting for people of a mail mode: 'digest' once a day, 'immediate' every few minutes.
 * Each person's rows are claimed with one UPDATE before sending, so two servers never mail the same row;
 * they are marked sent only after the SMTP server accepted them; a failed send releases them, and a claim
 * left by a crashed sender is retried after CLAIM_TIMEOUT_MS. Nobody ever gets an empty mail.
 */
export async function sendPendingMail(db: Kysely<Database>, mailer: Mailer, mode: 'digest' | 'immediate', publicUrl: string, date: string): Promise<{ sent: number; failed: number }> {
  // A claim older than this belongs to a sender that died mid-way: the mail is sent again rather than lost.
  const staleBefore = new Date(Date.now() - CLAIM_TIMEOUT_MS).toISOString();
  const people = await db
    .selectFrom('notifications')
    .innerJoin('users', 'users.id', 'notifications.user_id')
    .select(['users.id', 'users.email', 'users.full_name'])
    .where('notifications.emailed_at', 'is', null)
    .where('notifications.read_at', 'is', null)
    .where((eb) => eb.or([eb('notifications.mail_claimed_at', 'is', null), eb('notifications.mail_claimed_at', '<', staleBefore)]))
    .where('users.active', '=', 1)
    .where('users.mail_mode', '=', mode)
    .where('users.email', 'is not', null)
    .groupBy(['users.id', 'users.email', 'users.full_name'])
    .execute();
  let sent = 0;
  let failed = 0;
  for (const person of people) {
    const claimedAt = nowIso();
    const claimed = await db
      .updateTable('notifications')
      .set({ mail_claimed_at: claimedAt })
      .where('user_id', '=', person.id)
      .where('emailed_at', 'is', null)
      .where('read_at', 'is', null)
      .where((eb) => eb.or([eb('mail_claimed_at', 'is', null), eb('mail_claimed_at', '<', staleBefore)]))
      .returning(['id', 'kind', 'title', 'body', 'link'])
      .execute();
    if (claimed.length === 0 || !person.email) continue;
    try {
      await mailer.send(composeDigest(person.full_name, person.email, claimed.sort((a, b) => a.id - b.id), publicUrl, date));
      await db.updateTable('notifications').set({ emailed_at: nowIso() }).where('id', 'in', claimed.map((c) => c.id)).where('mail_claimed_at', '=', claimedAt).execute();
      sent++;
    } catch {
      // Released for the next run; one unreachable mailbox does not stop the others.
      await db.updateTable('notifications').set({ mail_claimed_at: null }).where('id', 'in', claimed.map((c) => c.id)).where('mail_claimed_at', '=', claimedAt).execute();
      failed++;
    }
  }
  return { sent, failed };
}
