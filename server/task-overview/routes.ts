import { z } from 'zod';
import { requireActor } from '../http/auth-hook.ts';
import { idParams } from '../http/schemas.ts';
import type { App, AppDeps } from '../http/types.ts';
import { directiveOverview, directiveOverviewView, sectionOverview, sectionOverviewView, taskFilterChoices, taskFilterChoicesView, taskProgress, taskProgressView } from './service.ts';

/** "1,2,3": the ids of one page of the task list (at most 200, the largest page). */
const idList = z
  .string()
  .regex(/^\d{1,10}(,\d{1,10}){0,199}$/, 'Danh sách mã nhiệm vụ, cách nhau bởi dấu phẩy (tối đa 200)')
  .transform((s) => [...new Set(s.split(',').map(Number))].filter((n) => n > 0 && n <= 2_147_483_647));

export function taskOverviewRoutes(app: App, { db }: AppDeps): void {
  const tags = ['Nhiệm vụ (tasks)'];
  app.get(
    '/api/task-overview/progress',
    { schema: { tags, summary: 'Tiến độ của các nhiệm vụ trong một trang danh sách (cơ quan chỉ tính phân công của mình)', querystring: z.object({ ids: idList }), response: { 200: z.array(taskProgressView) } } },
    async (req) => taskProgress(db, requireActor(req), req.query.ids),
  );
  app.get('/api/task-overview/filters', { schema: { tags, summary: 'Tổ công tác và lĩnh vực để lọc danh sách nhiệm vụ', response: { 200: taskFilterChoicesView } } }, async (req) => {
    requireActor(req);
    return taskFilterChoices(db);
  });
  app.get(
    '/api/task-overview/directives',
    { schema: { tags: ['Văn bản chỉ đạo (directives)'], summary: 'Mỗi văn bản: số nhiệm vụ, trạng thái chung, tiến độ (cơ quan chỉ thấy phần của mình)', response: { 200: z.array(directiveOverviewView) } } },
    async (req) => directiveOverview(db, requireActor(req)),
  );
  app.get(
    '/api/task-overview/directives/:id/sections',
    { schema: { tags: ['Văn bản chỉ đạo (directives)'], summary: 'Số nhiệm vụ và trạng thái chung của từng mục trong văn bản', params: idParams, response: { 200: z.array(sectionOverviewView) } } },
    async (req) => sectionOverview(db, requireActor(req), req.params.id),
  );
}
