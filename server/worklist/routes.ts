import { z } from 'zod';
import { requireActor } from '../http/auth-hook.ts';
import type { App, AppDeps } from '../http/types.ts';
import { coordinationView, periodWorkQuery, periodWorkView, reviewQueueItem } from './schemas.ts';
import { coordination, periodWork, REVIEW_QUEUE_LIMIT, reviewQueue } from './service.ts';

const tags = ['Việc cần làm (worklist)'];

/** What each user must do now: the agency's reports of the current period, the coordinator's queue and pending decisions. */
export function worklistRoutes(app: App, { db }: AppDeps): void {
  app.get(
    '/api/worklist/period',
    { schema: { tags, summary: 'Phân công đang thực hiện và trạng thái báo cáo kỳ hiện tại (cơ quan chỉ thấy của mình)', querystring: periodWorkQuery, response: { 200: periodWorkView } } },
    async (req) => periodWork(db, requireActor(req), req.query),
  );
  app.get(
    '/api/worklist/review-queue',
    {
      schema: {
        tags,
        summary: `Báo cáo chờ thẩm định của các văn bản mình theo dõi, cũ nhất trước (tối đa ${REVIEW_QUEUE_LIMIT}); tổng số ở header X-Total-Count`,
        response: { 200: z.array(reviewQueueItem) },
      },
    },
    async (req, reply) => {
      const { items, total } = await reviewQueue(db, requireActor(req));
      reply.header('x-total-count', String(total));
      return items;
    },
  );
  app.get(
    '/api/worklist/coordination',
    { schema: { tags, summary: 'Việc của cơ quan theo dõi: số báo cáo chờ thẩm định, cơ quan chưa báo cáo kỳ này, đề nghị gia hạn và hoàn thành đang chờ', response: { 200: coordinationView } } },
    async (req) => coordination(db, requireActor(req)),
  );
}
