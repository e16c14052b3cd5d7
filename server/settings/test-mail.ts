import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Actor } from '../auth/actor.ts';
import { recordAudit } from '../audit/service.ts';
import type { Database } from '../db/types.ts';
import { nowIso } from '../domain/time.ts';
import { AppError } from '../errors.ts';
import { requireActor } from '../http/auth-hook.ts';
import type { App, AppDeps } from '../http/types.ts';
import { type Mailer, createMailer } from '../mail/mailer.ts';

const testMailView = z.object({ to: z.string(), sentAt: z.string() });

/**
 * Sends one test mail to the admin's own address, so the SMTP setting can be checked from the settings
 * screen. Audited whether it went out or not: a failed attempt is worth knowing about too.
 */
export async function sendTestMail(db: Kysely<Database>, actor: Actor, mailer: Mailer | null): Promise<z.infer<typeof testMailView>> {
  if (actor.role !== 'admin') throw new AppError('forbidden');
  if (!mailer) throw new AppError('invalid_state', 'Máy chủ chưa cấu hình gửi thư (biến môi trường SMTP_URL); không có thư nào được gửi.');
  const user = await db.selectFrom('users').select(['email', 'full_name']).where('id', '=', actor.userId).executeTakeFirst();
  const to = user?.email?.trim();
  if (!to) throw new AppError('validation_failed', 'Tài khoản của bạn chưa có địa chỉ e-mail; hãy bổ sung e-mail rồi gửi thư thử.');
  const sentAt = nowIso();
  try {
    await mailer.send({
      to,
      subject: 'Năm Rõ — thư thử',
      text: `Xin chào ${user?.full_name ?? ''},\n\nĐây là thư thử của Năm Rõ: máy chủ gửi thư đã được cấu hình đúng.\n`,
      html: `<p>Xin chào ${escapeHtml(user?.full_name ?? '')},</p><p>Đây là thư thử của Năm Rõ: máy chủ gửi thư đã được cấu hình đúng.</p>`,
    });
  } catch (err) {
    await recordAudit(db, actor, { action: 'test_mail', entityType: 'setting', entityId: 'mail', after: { to, sent: false } });
    const reason = err instanceof Error ? err.message : String(err);
    throw new AppError('invalid_state', `Không gửi được thư thử tới ${to}: ${reason}`);
  }
  await recordAudit(db, actor, { action: 'test_mail', entityType: 'setting', entityId: 'mail', after: { to, sent: true } });
  return { to, sentAt };
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function testMailRoutes(app: App, { db, config }: AppDeps): void {
  app.post(
    '/api/settings/test-mail',
    { schema: { tags: ['Cài đặt (settings)'], summary: 'Gửi thư thử tới e-mail của quản trị đang đăng nhập (kiểm tra SMTP)', response: { 200: testMailView } } },
    async (req) => {
      const actor = requireActor(req);
      const mailer = actor.role === 'admin' ? createMailer(config) : null;
      try {
        return await sendTestMail(db, actor, mailer);
      } finally {
        mailer?.close();
      }
    },
  );
}
