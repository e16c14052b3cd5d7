import { vietnamDate } from '../domain/time.ts';
import { z } from 'zod';
import { requireActor } from '../http/auth-hook.ts';
import type { App, AppDeps } from '../http/types.ts';
import { SESSION_COOKIE, login, logout } from './sessions.ts';
import { presentUser, userView } from '../users/presenter.ts';
import { findUser } from '../users/service.ts';

const tags = ['Đăng nhập (auth)'];

const loginBody = z.object({
  username: z.string().trim().min(1, 'Nhập tên đăng nhập').max(100),
  password: z.string().min(1, 'Nhập mật khẩu').max(200),
});

export function authRoutes(app: App, { db, config }: AppDeps): void {
  const secure = config.publicUrl.startsWith('https://');

  app.post(
    '/api/auth/login',
    {
      schema: {
        tags,
        summary: 'Đăng nhập; đặt cookie phiên và trả mã CSRF phải gửi lại trong tiêu đề x-csrf-token',
        body: loginBody,
        response: { 200: z.object({ user: userView, csrfToken: z.string(), expiresAt: z.string(), today: z.string() }) },
      },
    },
    async (req, reply) => {
      const result = await login(db, config.sessionSecret, {
        username: req.body.username,
        password: req.body.password,
        ip: req.ip,
        userAgent: req.headers['user-agent'],
      });
      reply.setCookie(SESSION_COOKIE, result.token, { path: '/', httpOnly: true, sameSite: 'strict', secure });
      return { user: presentUser(result.user), csrfToken: result.csrfToken, expiresAt: result.expiresAt, today: vietnamDate() };
    },
  );

  app.post('/api/auth/logout', { schema: { tags, summary: 'Đăng xuất', response: { 204: z.null() } } }, async (req, reply) => {
    const actor = requireActor(req);
    if (req.sessionId) await logout(db, actor, req.sessionId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send(null);
  });

  app.get(
    '/api/me',
    { schema: { tags, summary: 'Người dùng đang đăng nhập', response: { 200: z.object({ user: userView, csrfToken: z.string().nullable(), today: z.string().describe('Ngày làm việc của hệ thống (yyyy-mm-dd, giờ Việt Nam)') }) } } },
    async (req) => {
      const actor = requireActor(req);
      return { user: presentUser(await findUser(db, actor.userId)), csrfToken: req.csrfToken, today: vietnamDate() };
    },
  );
}
