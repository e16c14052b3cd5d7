import { requireActor } from '../http/auth-hook.ts';
import type { App, AppDeps } from '../http/types.ts';
import { dashboardOptionsView, dashboardQuery, dashboardView } from './schemas.ts';
import { dashboard, dashboardOptions } from './service.ts';

export function dashboardRoutes(app: App, { db }: AppDeps): void {
  const tags = ['Bảng điều hành (dashboard)'];
  app.get(
    '/api/dashboard',
    {
      schema: {
        tags,
        summary: 'Số liệu bảng điều hành trong một lần gọi: trạng thái và xu hướng, tiến độ từng văn bản, cơ quan, sắp đến hạn, quá hạn, chỉ tiêu',
        querystring: dashboardQuery,
        response: { 200: dashboardView },
      },
    },
    async (req) => dashboard(db, requireActor(req), req.query),
  );
  app.get(
    '/api/dashboard/options',
    { schema: { tags, summary: 'Lựa chọn của bộ lọc: văn bản, cơ quan được giao, tổ công tác, lĩnh vực', response: { 200: dashboardOptionsView } } },
    async (req) => dashboardOptions(db, requireActor(req)),
  );
}
