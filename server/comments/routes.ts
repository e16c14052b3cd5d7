import { z } from 'zod';
import { requireActor } from '../http/auth-hook.ts';
import { idParams } from '../http/schemas.ts';
import type { App, AppDeps } from '../http/types.ts';
import { addComment, commentBody, taskTimeline, timelineEvent } from './service.ts';

export function commentRoutes(app: App, { db }: AppDeps): void {
  const tags = ['Nhiệm vụ (tasks)'];
  app.post(
    '/api/tasks/:id/comments',
    {
      schema: {
        tags,
        summary: 'Trao đổi hoặc ý kiến chỉ đạo về nhiệm vụ',
        params: idParams,
        body: commentBody,
        response: { 201: z.object({ id: z.number(), kind: z.string(), body: z.string(), assignmentId: z.number().nullable(), createdAt: z.string() }) },
      },
    },
    async (req, reply) => reply.code(201).send(await addComment(db, requireActor(req), req.params.id, req.body)),
  );
  app.get('/api/tasks/:id/timeline', { schema: { tags, summary: 'Dòng thời gian: báo cáo, thẩm định, gia hạn, hoàn thành, chỉ đạo', params: idParams, response: { 200: z.array(timelineEvent) } } }, async (req) =>
    taskTimeline(db, requireActor(req), req.params.id),
  );
}
