import { z } from 'zod';
import { policies } from '../auth/permissions.ts';
import { AppError } from '../errors.ts';
import { requireActor } from '../http/auth-hook.ts';
import { pageOf, pageQuery, pageResponse, queryId } from '../http/schemas.ts';
import type { App, AppDeps } from '../http/types.ts';

const auditView = z.object({
  id: z.number(),
  at: z.string(),
  actorUserId: z.number().nullable(),
  actor: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  ip: z.string().nullable(),
});

const auditQuery = pageQuery.omit({ q: true }).extend({
  entityType: z.string().trim().max(50).optional(),
  entityId: z.string().trim().max(50).optional(),
  actorUserId: queryId.optional(),
  action: z.string().trim().max(50).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});

/** Read-only by design: there is no route that changes or deletes audit rows, and the database refuses it too. */
export function auditRoutes(app: App, { db }: AppDeps): void {
  app.get(
    '/api/audit',
    { schema: { tags: ['Nhật ký (audit)'], summary: 'Nhật ký thay đổi (thanh tra, quản trị)', querystring: auditQuery, response: { 200: pageResponse(auditView) } } },
    async (req) => {
      const actor = requireActor(req);
      if (!policies.audit.read(actor)) throw new AppError('forbidden');
      const q = req.query;
      let base = db.selectFrom('audit_log');
      if (q.entityType) base = base.where('entity_type', '=', q.entityType);
      if (q.entityId) base = base.where('entity_id', '=', q.entityId);
      if (q.actorUserId) base = base.where('actor_user_id', '=', q.actorUserId);
      if (q.action) base = base.where('action', '=', q.action);
      if (q.from) base = base.where('at', '>=', new Date(q.from).toISOString());
      if (q.to) base = base.where('at', '<=', new Date(q.to).toISOString());
      const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
      const rows = await base.selectAll().orderBy('id', 'desc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
      const items = rows.map((r) => ({
        id: r.id,
        at: r.at,
        actorUserId: r.actor_user_id,
        actor: r.actor_label,
        action: r.action,
        entityType: r.entity_type,
        entityId: r.entity_id,
        before: r.before_json ? (JSON.parse(r.before_json) as unknown) : null,
        after: r.after_json ? (JSON.parse(r.after_json) as unknown) : null,
        ip: r.ip,
      }));
      return pageOf(items, Number(total), q.page, q.pageSize);
    },
  );
}
