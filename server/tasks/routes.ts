import { requireActor } from '../http/auth-hook.ts';
import { idParams, pageResponse } from '../http/schemas.ts';
import type { App, AppDeps } from '../http/types.ts';
import { taskCreateBody, taskDetailView, taskListItem, taskListQuery, taskUpdateBody } from './schemas.ts';
import { createTask, getTaskDetail, listTasks, updateTask } from './service.ts';

const tags = ['Nhiệm vụ (tasks)'];

export function taskRoutes(app: App, { db }: AppDeps): void {
  app.get('/api/tasks', { schema: { tags, summary: 'Danh sách nhiệm vụ (cơ quan chỉ thấy nhiệm vụ của mình)', querystring: taskListQuery, response: { 200: pageResponse(taskListItem) } } }, async (req) =>
    listTasks(db, requireActor(req), req.query),
  );
  app.get('/api/tasks/:id', { schema: { tags, summary: 'Chi tiết nhiệm vụ: năm rõ, các đơn vị được giao, văn bản gốc', params: idParams, response: { 200: taskDetailView } } }, async (req) =>
    getTaskDetail(db, requireActor(req), req.params.id),
  );
  app.post('/api/tasks', { schema: { tags, summary: 'Thêm nhiệm vụ (cơ quan theo dõi văn bản)', body: taskCreateBody, response: { 201: taskDetailView } } }, async (req, reply) =>
    reply.code(201).send(await createTask(db, requireActor(req), req.body)),
  );
  app.patch('/api/tasks/:id', { schema: { tags, summary: 'Sửa nhiệm vụ (cơ quan theo dõi văn bản)', params: idParams, body: taskUpdateBody, response: { 200: taskDetailView } } }, async (req) =>
    updateTask(db, requireActor(req), req.params.id, req.body),
  );
}
