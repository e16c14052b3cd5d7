import { z } from 'zod';
import { requireActor } from '../http/auth-hook.ts';
import { idParams, pageResponse } from '../http/schemas.ts';
import type { App, AppDeps } from '../http/types.ts';
import { directiveCreateBody, directiveDetailView, directiveListQuery, directiveUpdateBody, directiveView, sectionBody, sectionUpdateBody, sectionView } from './schemas.ts';
import { createDirective, createSection, getDirectiveDetail, getSection, listDirectives, updateDirective, updateSection } from './service.ts';

const tags = ['Văn bản chỉ đạo (directives)'];

export function directiveRoutes(app: App, { db }: AppDeps): void {
  app.get('/api/directives', { schema: { tags, summary: 'Danh sách văn bản chỉ đạo', querystring: directiveListQuery, response: { 200: pageResponse(directiveView) } } }, async (req) => {
    requireActor(req);
    return listDirectives(db, req.query);
  });
  app.get('/api/directives/:id', { schema: { tags, summary: 'Chi tiết văn bản', params: idParams, response: { 200: directiveDetailView } } }, async (req) => {
    requireActor(req);
    return getDirectiveDetail(db, req.params.id);
  });
  app.post('/api/directives', { schema: { tags, summary: 'Tạo văn bản (cơ quan theo dõi, quản trị)', body: directiveCreateBody, response: { 201: directiveDetailView } } }, async (req, reply) =>
    reply.code(201).send(await createDirective(db, requireActor(req), req.body)),
  );
  app.patch(
    '/api/directives/:id',
    { schema: { tags, summary: 'Sửa văn bản (cơ quan theo dõi văn bản, quản trị)', params: idParams, body: directiveUpdateBody, response: { 200: directiveDetailView } } },
    async (req) => updateDirective(db, requireActor(req), req.params.id, req.body),
  );
  app.get('/api/directives/:id/sections', { schema: { tags, summary: 'Các mục của văn bản', params: idParams, response: { 200: z.array(sectionView) } } }, async (req) => {
    requireActor(req);
    return (await getDirectiveDetail(db, req.params.id)).sections;
  });
  app.post(
    '/api/directives/:id/sections',
    { schema: { tags, summary: 'Thêm mục', params: idParams, body: sectionBody, response: { 201: sectionView } } },
    async (req, reply) => reply.code(201).send(await createSection(db, requireActor(req), req.params.id, req.body)),
  );
  app.get('/api/sections/:id', { schema: { tags, summary: 'Một mục', params: idParams, response: { 200: sectionView } } }, async (req) => {
    requireActor(req);
    return getSection(db, req.params.id);
  });
  app.patch(
    '/api/sections/:id',
    { schema: { tags, summary: 'Sửa mục', params: idParams, body: sectionUpdateBody, response: { 200: sectionView } } },
    async (req) => updateSection(db, requireActor(req), req.params.id, req.body),
  );
}
