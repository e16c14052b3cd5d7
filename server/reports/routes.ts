import { z } from 'zod';
import { requireActor } from '../http/auth-hook.ts';
import { idParams, pageResponse } from '../http/schemas.ts';
import type { App, AppDeps } from '../http/types.ts';
import { evidenceBody, periodLabel, reportDraftBody, reportListQuery, reportView, reviewBody } from './schemas.ts';
import { addEvidence, getPeriodReport, listReports, readReport, reviewReport, saveDraft, submitReport } from './service.ts';

const tags = ['Báo cáo tiến độ (reports)'];
const listItem = z.object({
  id: z.number(),
  state: z.string(),
  progress: z.number(),
  late: z.boolean(),
  submittedAt: z.string().nullable(),
  returnCount: z.number(),
  period: z.string(),
  dueOn: z.string(),
  assignmentId: z.number(),
  task: z.object({ id: z.number(), ordinal: z.string(), title: z.string() }),
  org: z.object({ id: z.number(), name: z.string() }),
});

export function reportRoutes(app: App, { db }: AppDeps): void {
  app.get(
    '/api/assignments/:id/report',
    { schema: { tags, summary: 'Báo cáo của kỳ (mặc định kỳ hiện tại); chưa có thì gợi ý từ kỳ trước', params: idParams, querystring: z.object({ period: periodLabel.optional() }), response: { 200: reportView } } },
    async (req) => getPeriodReport(db, requireActor(req), req.params.id, req.query.period),
  );
  app.put(
    '/api/assignments/:id/report',
    { schema: { tags, summary: 'Lưu bản nháp báo cáo (cán bộ, lãnh đạo cơ quan được giao)', params: idParams, body: reportDraftBody, response: { 200: reportView } } },
    async (req) => saveDraft(db, requireActor(req), req.params.id, req.body),
  );
  app.get('/api/reports', { schema: { tags, summary: 'Danh sách báo cáo (cơ quan chỉ thấy của mình)', querystring: reportListQuery, response: { 200: pageResponse(listItem) } } }, async (req) =>
    listReports(db, requireActor(req), req.query),
  );
  app.get('/api/reports/:id', { schema: { tags, summary: 'Một báo cáo', params: idParams, response: { 200: reportView } } }, async (req) => readReport(db, requireActor(req), req.params.id));
  app.post('/api/reports/:id/submit', { schema: { tags, summary: 'Gửi báo cáo (lãnh đạo cơ quan được giao)', params: idParams, response: { 200: reportView } } }, async (req) =>
    submitReport(db, requireActor(req), req.params.id),
  );
  app.post('/api/reports/:id/review', { schema: { tags, summary: 'Thẩm định: chấp nhận hoặc trả lại kèm ý kiến (cơ quan theo dõi)', params: idParams, body: reviewBody, response: { 200: reportView } } }, async (req) =>
    reviewReport(db, requireActor(req), req.params.id, req.body),
  );
  app.post('/api/reports/:id/evidence', { schema: { tags, summary: 'Thêm bằng chứng: số văn bản, đường dẫn hoặc tệp', params: idParams, body: evidenceBody, response: { 200: reportView } } }, async (req) =>
    addEvidence(db, requireActor(req), req.params.id, req.body),
  );
}
