import { z } from 'zod';
import { AppError } from '../errors.ts';
import { requireActor } from '../http/auth-hook.ts';
import { idParams } from '../http/schemas.ts';
import type { App, AppDeps } from '../http/types.ts';
import { FILE_LIMIT_BYTES } from '../files/routes.ts';
import { readUpload } from '../files/upload.ts';
import { importPreview } from './schemas.ts';
import { confirmImport, discardImport, editImport, getImport, startImport } from './service.ts';

const jobView = z.object({ id: z.number(), state: z.string(), directiveId: z.number().nullable(), preview: importPreview });
const resultView = z.object({
  directiveId: z.number(),
  created: z.boolean(),
  tasks: z.object({ added: z.number(), updated: z.number(), unchanged: z.number() }),
  sections: z.number(),
  indicators: z.object({ added: z.number(), updated: z.number() }),
});

/** Upload → preview (nothing written) → edit → confirm (one transaction). */
export function importRoutes(app: App, { db, config }: AppDeps): void {
  const tags = ['Nhập văn bản (imports)'];
  app.post(
    '/api/imports',
    {
      schema: {
        tags,
        summary: 'Đọc văn bản (tệp DOCX/TXT qua multipart "file", hoặc JSON {"text"}) và trả bản xem trước; chưa ghi gì',
        body: z.object({ text: z.string().min(1, 'Văn bản rỗng').max(2_000_000) }).nullish(),
        response: { 201: jobView },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      if (req.isMultipart()) {
        const upload = await readUpload(req, FILE_LIMIT_BYTES);
        return reply.code(201).send(await startImport(db, config.dataDir, actor, upload));
      }
      if (!req.body) throw new AppError('validation_failed', 'Cần gửi tệp hoặc văn bản.');
      return reply.code(201).send(await startImport(db, config.dataDir, actor, { text: req.body.text }));
    },
  );
  app.get('/api/imports/:id', { schema: { tags, summary: 'Bản xem trước của lượt nhập', params: idParams, response: { 200: jobView } } }, async (req) => getImport(db, requireActor(req), req.params.id));
  app.put('/api/imports/:id', { schema: { tags, summary: 'Sửa bản xem trước (mọi trường; gán tên cơ quan vào danh mục)', params: idParams, body: importPreview, response: { 200: jobView } } }, async (req) =>
    editImport(db, requireActor(req), req.params.id, req.body),
  );
  app.post('/api/imports/:id/confirm', { schema: { tags, summary: 'Xác nhận: ghi văn bản, mục, nhiệm vụ, phân công, chỉ tiêu trong một giao dịch', params: idParams, response: { 200: resultView } } }, async (req) =>
    confirmImport(db, requireActor(req), req.params.id),
  );
  app.delete('/api/imports/:id', { schema: { tags, summary: 'Hủy lượt nhập', params: idParams, response: { 204: z.null() } } }, async (req, reply) => {
    await discardImport(db, requireActor(req), req.params.id);
    return reply.code(204).send(null);
  });
}
