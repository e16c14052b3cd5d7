import { z } from 'zod';
import { requireActor } from '../http/auth-hook.ts';
import { idParams } from '../http/schemas.ts';
import type { App, AppDeps } from '../http/types.ts';
import { enterValue, indicatorView, listIndicators, valueBody, valueView, verifyBody, verifyValue } from './service.ts';

export function indicatorRoutes(app: App, { db }: AppDeps): void {
  const tags = ['Chỉ tiêu (indicators)'];
  app.get('/api/directives/:id/indicators', { schema: { tags, summary: 'Chỉ tiêu của văn bản: mục tiêu, giá trị mới nhất, màu đánh giá, lịch sử', params: idParams, response: { 200: z.array(indicatorView) } } }, async (req) => {
    requireActor(req);
    return listIndicators(db, req.params.id);
  });
  app.post('/api/indicators/:id/values', { schema: { tags, summary: 'Nhập giá trị của kỳ (cơ quan theo dõi chỉ tiêu)', params: idParams, body: valueBody, response: { 200: valueView } } }, async (req) =>
    enterValue(db, requireActor(req), req.params.id, req.body),
  );
  app.post('/api/indicator-values/:id/verify', { schema: { tags, summary: 'Xác nhận hoặc trả lại số liệu (cơ quan theo dõi văn bản)', params: idParams, body: verifyBody, response: { 200: valueView } } }, async (req) =>
    verifyValue(db, requireActor(req), req.params.id, req.body.decision),
  );
}
