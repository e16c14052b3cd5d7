import { z } from 'zod';
import { recordAudit } from '../audit/service.ts';
import { AppError } from '../errors.ts';
import { requireActor } from '../http/auth-hook.ts';
import { idParams, isoDate, requiredText } from '../http/schemas.ts';
import type { App, AppDeps } from '../http/types.ts';
import { createApiToken } from './sessions.ts';

const tags = ['Mã API (tokens)'];
const tokenView = z.object({ id: z.number(), name: z.string(), prefix: z.string(), createdAt: z.string(), lastUsedAt: z.string().nullable(), expiresAt: z.string().nullable() });

/** Integrations act as a user through API tokens; a user manages only their own. */
export function tokenRoutes(app: App, { db, config }: AppDeps): void {
  app.get('/api/me/tokens', { schema: { tags, summary: 'Mã API của tôi', response: { 200: z.array(tokenView) } } }, async (req) => {
    const actor = requireActor(req);
    const rows = await db.selectFrom('api_tokens').selectAll().where('user_id', '=', actor.userId).where('revoked_at', 'is', null).orderBy('id').execute();
    return rows.map((r) => ({ id: r.id, name: r.name, prefix: r.prefix, createdAt: r.created_at, lastUsedAt: r.last_used_at, expiresAt: r.expires_at }));
  });

  app.post(
    '/api/me/tokens',
    {
      schema: {
        tags,
        summary: 'Tạo mã API (chỉ hiển thị một lần)',
        body: z.object({ name: requiredText(100), expiresOn: isoDate.nullish() }),
        response: { 201: z.object({ id: z.number(), token: z.string(), prefix: z.string() }) },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      if (actor.via === 'token') throw new AppError('forbidden', 'Không thể dùng mã API để tạo mã API mới.');
      const expiresAt = req.body.expiresOn ? `${req.body.expiresOn}T17:00:00.000Z` : null; // end of that day in Vietnam
      return reply.code(201).send(await createApiToken(db, config.sessionSecret, actor, { userId: actor.userId, name: req.body.name, expiresAt }));
    },
  );

  app.delete('/api/me/tokens/:id', { schema: { tags, summary: 'Thu hồi mã API', params: idParams, response: { 204: z.null() } } }, async (req, reply) => {
    const actor = requireActor(req);
    await db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('api_tokens').select(['id', 'name']).where('id', '=', req.params.id).where('user_id', '=', actor.userId).executeTakeFirst();
      if (!row) throw new AppError('not_found', 'Không tìm thấy mã API.');
      await trx.updateTable('api_tokens').set({ revoked_at: new Date().toISOString() }).where('id', '=', row.id).execute();
      await recordAudit(trx, actor, { action: 'revoke', entityType: 'api_token', entityId: row.id, before: { name: row.name } });
    });
    return reply.code(204).send(null);
  });
}
