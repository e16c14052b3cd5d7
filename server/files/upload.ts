import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';

export interface Upload {
  bytes: Buffer;
  filename: string;
  mime: string;
}

/** Reads the one file of a multipart request (field "file"); the stream's size limit becomes a clear 413. */
export async function readUpload(req: FastifyRequest, limitBytes: number): Promise<Upload> {
  if (!req.isMultipart()) throw new AppError('unsupported_media_type', 'Cần gửi tệp dạng multipart/form-data.');
  const part = await req.file();
  if (!part) throw new AppError('validation_failed', 'Chưa có tệp nào được gửi (trường "file").');
  try {
    return { bytes: await part.toBuffer(), filename: part.filename || 'tep', mime: part.mimetype || 'application/octet-stream' };
  } catch {
    throw new AppError('payload_too_large', `Tệp vượt quá ${Math.round(limitBytes / 1024 / 1024)} MB.`);
  }
}
