import { z } from 'zod';
import { requireActor } from '../http/auth-hook.ts';
import type { App, AppDeps } from '../http/types.ts';
import { breakdown, historyQuery, rankAgencies, scoreHistory, scoreQuery, scoreRow } from './service.ts';

export function scoreRoutes(app: App, { db }: AppDeps): void {
  const tags = ['Chấm điểm (scores)'];
  app.get('/api/scores', { schema: { tags, summary: 'Xếp hạng cơ quan trong tháng, kèm cách tính từng điểm', querystring: scoreQuery, response: { 200: z.array(scoreRow) } } }, async (req) =>
    rankAgencies(db, requireActor(req), req.query),
  );
  app.get(
    '/api/scores/history',
    { schema: { tags, summary: 'Điểm của một cơ quan qua các tháng', querystring: historyQuery, response: { 200: z.array(z.object({ period: z.string(), rank: z.number().nullable(), score: breakdown.nullable() })) } } },
    async (req) => scoreHistory(db, requireActor(req), req.query),
  );
}
