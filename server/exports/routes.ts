import { z } from 'zod';
import { requireActor } from '../http/auth-hook.ts';
import type { App, AppDeps } from '../http/types.ts';
import { taskListQuery } from '../tasks/schemas.ts';
import { exportTasksXlsx } from './tasks-xlsx.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function exportRoutes(app: App, { db }: AppDeps): void {
  app.get(
    '/api/exports/tasks.xlsx',
    {
      schema: {
        tags: ['Xuất dữ liệu (exports)'],
        summary: 'Danh sách nhiệm vụ (cùng bộ lọc với danh sách) ra Excel theo cột của phụ lục kế hoạch; bySection=true: mỗi mục một trang',
        querystring: taskListQuery.omit({ page: true, pageSize: true }).extend({ bySection: z.enum(['true', 'false']).optional() }),
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const { bySection, ...q } = req.query;
      const file = await exportTasksXlsx(db, actor, q, { bySection: bySection === 'true' });
      reply.header('content-type', XLSX);
      reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent('danh-sach-nhiem-vu.xlsx')}`);
      return reply.send(file);
    },
  );
}
