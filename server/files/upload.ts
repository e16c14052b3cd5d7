import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';

export interface Upload {
  bytes: Buffer;
  filename: string;
  mime: string;
}

/**
 * What a failure of the multipart reader means: a file over the limit (413), or a body that is not a
 * readable form at all: no boundary, cut off before its end, malformed headers (400, not a 500).
 */
function uploadError(error: unknown, limitBytes: number): AppError {
  const { code, statusCode } = (typeof error === 'object' && error !== null ? error : {}) as { code?: unknown; statusCode?: unknown };
  if (code === 'FST_REQ_FILE_TOO_LARGE') return new AppError('payload_too_large', `Tệp vượt quá ${Math.round(limitBytes / 1024 / 1024)} MB.`);
  if (statusCode === 413) return new AppError('payload_too_large', 'Yêu cầu tải lên có quá nhiều phần; chỉ gửi một tệp.');
  return new AppError('malformed_request', 'Dữ liệu tải lên (multipart/form-data) bị hỏng hoặc không trọn vẹn; hãy gửi lại tệp.');
}

/** Reads the one file of a multipart request (field "file"); the stream's size limit becomes a clear 413. */
export async function readUpload(req: FastifyRequest, limitBytes: number): Promise<Upload> {
  if (!req.isMultipart()) throw new AppError('unsupported_media_type', 'Cần gửi tệp dạng multipart/form-data.');
  try {
    const part = await req.file();
    if (!part) throw new AppError('validation_failed', 'Chưa có tệp nào được gửi (trường "file").');
    return { bytes: await part.toBuffer(), filename: part.filename || 'tep', mime: part.mimetype || 'application/octet-stream' };
  } catch (error) {
    throw error instanceof AppError ? error : uploadError(error, limitBytes);
  }
}
