import { z } from 'zod';
import { requireActor } from '../http/auth-hook.ts';
import { idParams, pageQuery, queryFlag } from '../http/schemas.ts';
import type { App, AppDeps } from '../http/types.ts';
import { listNotifications, markRead } from './service.ts';

const tags = ['Thông báo (notifications)'];
const item = z.object({
  id: z.number(),
  kind: z.string(),
  title: z.string(),
  body: z.string().nullable(),
  link: z.string().nullable(),
  entityType: z.string().nullable(),
  entityId: z.number().nullable(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});

export function notificationRoutes(app: App, { db }: AppDeps): void {
  app.get(
    '/api/notifications',
    {
      schema: {
        tags,
        summary: 'Thông báo của tôi, kèm số chưa đọc',
        querystring: pageQuery.omit({ q: true }).extend({ unread: queryFlag }),
        response: { 200: z.object({ items: z.array(item), total: z.number(), page: z.number(), pageSize: z.number(), unread: z.number() }) },
      },
    },
    async (req) => listNotifications(db, requireActor(req), req.query),
  );
  app.post('/api/notifications/:id/read', { schema: { tags, summary: 'Đánh dấu đã đọc', params: idParams, response: { 204: z.null() } } }, async (req, reply) => {
    await markRead(db, requireActor(req), req.params.id);
    return reply.code(204).send(null);
  });
  app.post('/api/notifications/read-all', { schema: { tags, summary: 'Đánh dấu tất cả đã đọc', response: { 204: z.null() } } }, async (req, reply) => {
    await markRead(db, requireActor(req), 'all');
    return reply.code(204).send(null);
  });
}
