import { z } from 'zod';
import { requireActor } from '../http/auth-hook.ts';
import { idParams, pageResponse } from '../http/schemas.ts';
import type { App, AppDeps } from '../http/types.ts';
import { userView } from './presenter.ts';
import { passwordChangeBody, preferencesBody, userCreateBody, userListQuery, userUpdateBody } from './schemas.ts';
import { changeOwnPassword, createUser, listUsers, readUser, updatePreferences, updateUser } from './service.ts';

const tags = ['Người dùng (users)'];

export function userRoutes(app: App, { db }: AppDeps): void {
  app.get('/api/users', { schema: { tags, summary: 'Danh sách người dùng (quản trị)', querystring: userListQuery, response: { 200: pageResponse(userView) } } }, async (req) =>
    listUsers(db, requireActor(req), req.query),
  );
  app.get('/api/users/:id', { schema: { tags, summary: 'Một người dùng', params: idParams, response: { 200: userView } } }, async (req) =>
    readUser(db, requireActor(req), req.params.id),
  );
  app.post('/api/users', { schema: { tags, summary: 'Tạo người dùng (quản trị)', body: userCreateBody, response: { 201: userView } } }, async (req, reply) =>
    reply.code(201).send(await createUser(db, requireActor(req), req.body)),
  );
  app.patch(
    '/api/users/:id',
    { schema: { tags, summary: 'Sửa, đặt lại mật khẩu, vô hiệu hóa người dùng (quản trị)', params: idParams, body: userUpdateBody, response: { 200: userView } } },
    async (req) => updateUser(db, requireActor(req), req.params.id, req.body),
  );
  app.patch('/api/me', { schema: { tags, summary: 'Tùy chọn của tôi: ngôn ngữ, cách nhận thư, e-mail, điện thoại', body: preferencesBody, response: { 200: userView } } }, async (req) =>
    updatePreferences(db, requireActor(req), req.body),
  );
  app.post('/api/me/password', { schema: { tags, summary: 'Đổi mật khẩu của chính mình', body: passwordChangeBody, response: { 204: z.null() } } }, async (req, reply) => {
    await changeOwnPassword(db, requireActor(req), req.body.currentPassword, req.body.newPassword, req.sessionId);
    return reply.code(204).send(null);
  });
}
