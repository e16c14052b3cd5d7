import { createReadStream } from 'node:fs';
import multipart from '@fastify/multipart';
import { z } from 'zod';
import { AppError } from '../errors.ts';
import { requireActor } from '../http/auth-hook.ts';
import { idParams } from '../http/schemas.ts';
import type { App, AppDeps } from '../http/types.ts';
import { canReadFile } from './access.ts';
import { filePath, storeFile } from './store.ts';
import { readUpload } from './upload.ts';

/** Evidence files and documents to import; larger files are refused while they stream in. */
export const FILE_LIMIT_BYTES = 25 * 1024 * 1024;

const fileView = z.object({ id: z.number(), sha256: z.string(), size: z.number(), mime: z.string(), originalName: z.string() });

export async function fileRoutes(app: App, { db, config }: AppDeps): Promise<void> {
  await app.register(multipart, { limits: { fileSize: FILE_LIMIT_BYTES, files: 1, fields: 5, parts: 6 } });
  const tags = ['Tệp (files)'];

  app.post('/api/files', { schema: { tags, summary: 'Tải lên một tệp (multipart, trường "file"; tối đa 25 MB)', response: { 201: fileView } } }, async (req, reply) => {
    const actor = requireActor(req);
    const upload = await readUpload(req, FILE_LIMIT_BYTES);
    const stored = await storeFile(db, config.dataDir, actor, { bytes: upload.bytes, originalName: upload.filename, mime: upload.mime });
    return reply.code(201).send(stored);
  });

  app.get('/api/files/:id', { schema: { tags, summary: 'Tải xuống tệp (người tải lên, hoặc người xem được báo cáo đính kèm)', params: idParams } }, async (req, reply) => {
    const actor = requireActor(req);
    const file = await db.selectFrom('files').selectAll().where('id', '=', req.params.id).executeTakeFirst();
    if (!file) throw new AppError('not_found', 'Không tìm thấy tệp.');
    if (!(await canReadFile(db, actor, file.id))) throw new AppError('forbidden', 'Bạn không có quyền xem tệp này.');
    reply.header('content-type', file.mime);
    reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.original_name)}`);
    return reply.send(createReadStream(filePath(config.dataDir, file.sha256)));
  });
}
