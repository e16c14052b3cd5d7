import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, ERROR_CATALOGUE, type ErrorCode, type FieldIssue } from '../errors.ts';

/** The single place where an error becomes an HTTP answer: `{"error":{"code","message",…}}`. */
export function sendError(reply: FastifyReply, code: ErrorCode, message?: string, fields?: FieldIssue[]): FastifyReply {
  const entry = ERROR_CATALOGUE[code];
  // A database that is restarting is back within seconds: tell clients (and load balancers) when to retry.
  if (code === 'database_unavailable') reply.header('retry-after', '5');
  return reply.code(entry.status).send({
    error: { code, message: message ?? entry.vi, message_en: entry.en, ...(fields?.length ? { fields } : {}) },
  });
}

const FASTIFY_CODES: Partial<Record<string, ErrorCode>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed_request',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed_request',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'malformed_request',
  FST_ERR_VALIDATION: 'validation_failed',
};

/** Recognises database failures that are the operator's problem, not a bug: full disk, read-only files, a lost server. */
export function classifyDatabaseError(err: unknown): ErrorCode | null {
  if (!(err instanceof Error)) return null;
  const code = (err as { code?: unknown }).code;
  const text = `${String(code ?? '')} ${err.message}`;
  const sqlState = typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : '';
  // 53100: PostgreSQL could not extend a data file (its volume is full).
  if (sqlState === '53100' || /SQLITE_FULL|ENOSPC|EDQUOT|disk is full|No space left on device/i.test(text)) return 'storage_full';
  if (/SQLITE_(READONLY|CANTOPEN|IOERR)|EROFS|EACCES|read-only/i.test(text)) return 'storage_read_only';
  // A lost, refused, busy or restarting PostgreSQL: 57P01-03 shutdown/crash/starting up, 53300 too many connections,
  // 08xxx connection exceptions, and pg's own messages for a client whose connection died (the pool drops it).
  if (
    // 40P01 deadlock, 40001 serialization failure: two writes on the same counters; retrying succeeds.
    /^(57P0[123]|53300|08[0-9A-Z]{3}|40P01|40001)$/.test(sqlState) ||
    /SQLITE_BUSY|ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|Connection terminated|is not queryable|connection timeout|timeout exceeded when trying to connect/i.test(text)
  ) {
    return 'database_unavailable';
  }
  // PostgreSQL data exceptions (22xxx: out of range, invalid text) are bad input that slipped past validation.
  if (typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code)) return 'validation_failed';
  if (/SQLITE_CONSTRAINT_UNIQUE|UNIQUE constraint|\b23505\b|duplicate key/i.test(text)) return 'conflict';
  if (/SQLITE_CONSTRAINT_FOREIGNKEY|FOREIGN KEY constraint|\b23503\b/i.test(text)) return 'conflict';
  return null;
}

export function errorHandler(err: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (err instanceof AppError) return sendError(reply, err.code, err.message, err.details?.fields);
  if (hasZodFastifySchemaValidationErrors(err)) {
    const fields = err.validation.map((v) => ({
      field: [err.validationContext, ...String(v.instancePath ?? '').split('/').filter(Boolean)].filter(Boolean).join('.'),
      message: v.message ?? 'không hợp lệ',
    }));
    return sendError(reply, 'validation_failed', `Dữ liệu không hợp lệ: ${fields.map((f) => `${f.field} — ${f.message}`).join('; ')}`, fields);
  }
  if (isResponseSerializationError(err)) {
    request.log.error({ err }, 'response does not match its schema');
    return sendError(reply, 'internal');
  }
  // Refused by the router before any route runs (reaches here through frameworkErrors in app.ts).
  if (err.code === 'FST_ERR_BAD_URL' || err.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    return sendError(reply, 'malformed_request', 'Địa chỉ yêu cầu (URL) không hợp lệ: ký tự mã hóa sai hoặc tham số quá dài.');
  }
  const mapped = FASTIFY_CODES[err.code];
  if (mapped) return sendError(reply, mapped);
  const dbCode = classifyDatabaseError(err);
  if (dbCode) {
    request.log.warn({ err }, 'database error');
    return sendError(reply, dbCode);
  }
  if (typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
    return sendError(reply, err.statusCode === 429 ? 'rate_limited' : 'malformed_request');
  }
  request.log.error({ err }, 'unhandled error');
  return sendError(reply, 'internal');
}
