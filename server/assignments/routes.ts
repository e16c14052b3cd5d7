import { requireActor } from '../http/auth-hook.ts';
import { idParams, pageResponse } from '../http/schemas.ts';
import type { App, AppDeps } from '../http/types.ts';
import { assignmentCreateBody, assignmentDetailView, assignmentListQuery, assignmentUpdateBody, assignmentView } from './schemas.ts';
import { statusSummary, summaryQuery, summaryView } from './summary.ts';
import { createAssignment, getAssignmentDetail, listAssignments, updateAssignment } from './service.ts';

const tags = ['Phân công (assignments)'];

export function assignmentRoutes(app: App, { db }: AppDeps): void {
  app.get('/api/assignments', { schema: { tags, summary: 'Phân công (cơ quan chỉ thấy của mình)', querystring: assignmentListQuery, response: { 200: pageResponse(assignmentView) } } }, async (req) =>
    listAssignments(db, requireActor(req), req.query),
  );
  app.get('/api/summary', { schema: { tags, summary: 'Tổng hợp trạng thái theo văn bản hoặc cơ quan', querystring: summaryQuery, response: { 200: summaryView } } }, async (req) =>
    statusSummary(db, requireActor(req), req.query),
  );
  app.get('/api/assignments/:id', { schema: { tags, summary: 'Chi tiết phân công và lịch sử thời hạn', params: idParams, response: { 200: assignmentDetailView } } }, async (req) =>
    getAssignmentDetail(db, requireActor(req), req.params.id),
  );
  app.post('/api/assignments', { schema: { tags, summary: 'Giao thêm cơ quan chủ trì (cơ quan theo dõi)', body: assignmentCreateBody, response: { 201: assignmentDetailView } } }, async (req, reply) =>
    reply.code(201).send(await createAssignment(db, requireActor(req), req.body)),
  );
  app.patch(
    '/api/assignments/:id',
    { schema: { tags, summary: 'Cập nhật phân công: người phụ trách, tiến độ (cơ quan); thời hạn, trạng thái (cơ quan theo dõi)', params: idParams, body: assignmentUpdateBody, response: { 200: assignmentDetailView } } },
    async (req) => updateAssignment(db, requireActor(req), req.params.id, req.body),
  );
}
