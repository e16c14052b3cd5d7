import { z } from 'zod';
import { listCompletions, proposeCompletion, verifyCompletion, completionProposalBody, completionView, verificationBody } from '../completions/service.ts';
import { requireActor } from '../http/auth-hook.ts';
import { idParams } from '../http/schemas.ts';
import type { App, AppDeps } from '../http/types.ts';
import { decideExtension, decisionBody, extensionRequestBody, extensionView, listExtensions, requestExtension } from './service.ts';

/** The two decisions an agency asks the coordinator for: more time, and recognition that the work is done. */
export function decisionRoutes(app: App, { db }: AppDeps): void {
  const ext = ['Gia hạn (extensions)'];
  app.get('/api/assignments/:id/extensions', { schema: { tags: ext, summary: 'Lịch sử đề nghị gia hạn', params: idParams, response: { 200: z.array(extensionView) } } }, async (req) =>
    listExtensions(db, requireActor(req), req.params.id),
  );
  app.post('/api/assignments/:id/extensions', { schema: { tags: ext, summary: 'Đề nghị gia hạn (lãnh đạo cơ quan được giao)', params: idParams, body: extensionRequestBody, response: { 201: extensionView } } }, async (req, reply) =>
    reply.code(201).send(await requestExtension(db, requireActor(req), req.params.id, req.body)),
  );
  app.post('/api/extensions/:id/decision', { schema: { tags: ext, summary: 'Đồng ý hoặc không đồng ý gia hạn (cơ quan theo dõi, lãnh đạo UBND)', params: idParams, body: decisionBody, response: { 200: extensionView } } }, async (req) =>
    decideExtension(db, requireActor(req), req.params.id, req.body),
  );

  const done = ['Xác nhận hoàn thành (completions)'];
  app.get('/api/assignments/:id/completions', { schema: { tags: done, summary: 'Các đề nghị xác nhận hoàn thành', params: idParams, response: { 200: z.array(completionView) } } }, async (req) =>
    listCompletions(db, requireActor(req), req.params.id),
  );
  app.post('/api/assignments/:id/completions', { schema: { tags: done, summary: 'Đề nghị xác nhận hoàn thành kèm sản phẩm (lãnh đạo cơ quan được giao)', params: idParams, body: completionProposalBody, response: { 201: completionView } } }, async (req, reply) =>
    reply.code(201).send(await proposeCompletion(db, requireActor(req), req.params.id, req.body)),
  );
  app.post('/api/completions/:id/decision', { schema: { tags: done, summary: 'Xác nhận hoặc không xác nhận hoàn thành (cơ quan theo dõi)', params: idParams, body: verificationBody, response: { 200: completionView } } }, async (req) =>
    verifyCompletion(db, requireActor(req), req.params.id, req.body),
  );
}
