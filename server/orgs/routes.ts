import { z } from 'zod';
import { requireActor } from '../http/auth-hook.ts';
import { idParams, pageResponse } from '../http/schemas.ts';
import type { App, AppDeps } from '../http/types.ts';
import { resolveOrgName } from './resolve.ts';
import { orgCreateBody, orgDetailView, orgListQuery, orgUpdateBody, orgView, resolveQuery } from './schemas.ts';
import { createOrg, getOrgDetail, listOrgs, updateOrg } from './service.ts';

const tags = ['Cơ quan, đơn vị (orgs)'];

export function orgRoutes(app: App, { db }: AppDeps): void {
  app.get('/api/orgs', { schema: { tags, summary: 'Danh sách cơ quan, đơn vị', querystring: orgListQuery, response: { 200: pageResponse(orgView) } } }, async (req) => {
    requireActor(req);
    return listOrgs(db, req.query);
  });

  app.get(
    '/api/orgs/resolve',
    {
      schema: {
        tags,
        summary: 'Nhận diện tên cơ quan như văn bản viết (viết tắt, sở đã hợp nhất, tên tập thể)',
        querystring: resolveQuery,
        response: {
          200: z.object({
            written: z.string(),
            status: z.enum(['resolved', 'group', 'unknown']),
            org: z.object({ id: z.number(), name: z.string(), kind: z.string() }).nullable(),
            orgs: z.array(z.object({ id: z.number(), name: z.string(), kind: z.string() })),
            replaced: z.object({ id: z.number(), name: z.string() }).optional(),
          }),
        },
      },
    },
    async (req) => {
      requireActor(req);
      return resolveOrgName(db, req.query.name, req.query.onDate);
    },
  );

  app.get('/api/orgs/:id', { schema: { tags, summary: 'Chi tiết cơ quan, đơn vị', params: idParams, response: { 200: orgDetailView } } }, async (req) => {
    requireActor(req);
    return getOrgDetail(db, req.params.id);
  });

  app.post('/api/orgs', { schema: { tags, summary: 'Thêm cơ quan, đơn vị (quản trị)', body: orgCreateBody, response: { 201: orgDetailView } } }, async (req, reply) => {
    const org = await createOrg(db, requireActor(req), req.body);
    return reply.code(201).send(org);
  });

  app.patch(
    '/api/orgs/:id',
    { schema: { tags, summary: 'Sửa cơ quan, đơn vị (quản trị)', params: idParams, body: orgUpdateBody, response: { 200: orgDetailView } } },
    async (req) => updateOrg(db, requireActor(req), req.params.id, req.body),
  );
}
