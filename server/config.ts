import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { isIsoDate } from './domain/time.ts';
import { PACKAGE_ROOT } from './package-root.ts';

/** Where the built web app lives unless WEB_DIR says otherwise (`npm run build:web` writes it). */
export const DEFAULT_WEB_DIR = join(PACKAGE_ROOT, 'web', 'dist');

/** All date logic in Năm Rõ runs in Vietnam's time zone, whatever the host says. */
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const databaseUrl = z
  .string()
  .trim()
  .refine((v) => v.startsWith('sqlite:') || /^postgres(ql)?:\/\//.test(v), {
    message: 'phải có dạng sqlite:ĐƯỜNG_DẪN hoặc postgres://… (must be sqlite:PATH or postgres://…)',
  });

const envSchema = z.object({
  DATABASE_URL: databaseUrl.default('sqlite:./data/namro.db'),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: z.url({ message: 'phải là một URL đầy đủ, ví dụ https://namro.example.gov.vn' }).optional(),
  SMTP_URL: z
    .string()
    .trim()
    .refine((v) => /^smtps?:\/\//.test(v), { message: 'phải có dạng smtp://… hoặc smtps://…' })
    .optional(),
  SMTP_FROM: z.string().trim().min(3).optional(),
  SESSION_SECRET: z.string().min(32, 'phải dài ít nhất 32 ký tự (at least 32 characters)').optional(),
  DATA_DIR: z.string().trim().min(1).optional(),
  /** Behind a load balancer: "true", a hop count, or the proxies' addresses (comma-separated), so client addresses are real. */
  TRUST_PROXY: z.string().trim().regex(/^(true|false|\d{1,2}|[0-9a-fA-F.:/,\s]+)$/, 'phải là true, false, số lớp proxy hoặc danh sách địa chỉ').optional(),
  /** 'off' runs no scheduled jobs in this instance (benchmarks, or instances dedicated to the API). */
  SCHEDULER: z.enum(['on', 'off']).default('on'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Set by tests and the demo to skip argon2's full cost; never in production. */
  NAMRO_FAST_HASH: z.enum(['0', '1']).optional(),
  /** Business date to run from (yyyy-mm-dd), for demos and training only; `now` or unset: the real date. */
  NAMRO_TODAY: z
    .string()
    .trim()
    .refine((v) => v === 'now' || isIsoDate(v), { message: 'phải là ngày dạng yyyy-mm-dd hoặc now' })
    .optional(),
  /** The built web app (default web/dist of this checkout). */
  WEB_DIR: z.string().trim().min(1).optional(),
});

export type DatabaseTarget = { dialect: 'sqlite'; path: string } | { dialect: 'postgres'; url: string };

export interface Config {
  database: DatabaseTarget;
  host: string;
  port: number;
  publicUrl: string;
  smtpUrl: string | undefined;
  smtpFrom: string;
  sessionSecret: string;
  dataDir: string;
  logLevel: string;
  trustProxy: boolean | number | string[];
  scheduler: boolean;
  fastHash: boolean;
  webDir: string;
  /** Set only for demos: the business clock runs from this date. */
  businessDate: string | null;
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Cấu hình không hợp lệ (invalid configuration):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function parseDatabaseUrl(url: string): DatabaseTarget {
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    return { dialect: 'sqlite', path: path === ':memory:' ? path : resolve(path) };
  }
  return { dialect: 'postgres', url };
}

/** Reads the environment once; throws ConfigError listing every problem at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const database = parseDatabaseUrl(e.DATABASE_URL);
  const dataDir = resolve(
    e.DATA_DIR ?? (database.dialect === 'sqlite' && database.path !== ':memory:' ? dirname(database.path) : './data'),
  );
  return {
    database,
    host: e.HOST,
    port: e.PORT,
    publicUrl: (e.PUBLIC_URL ?? `http://${e.HOST}:${e.PORT}`).replace(/\/$/, ''),
    smtpUrl: e.SMTP_URL,
    smtpFrom: e.SMTP_FROM ?? 'Năm Rõ <no-reply@namro.local>',
    sessionSecret: e.SESSION_SECRET ?? storedSessionSecret(dataDir),
    dataDir,
    logLevel: e.LOG_LEVEL,
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    scheduler: e.SCHEDULER === 'on',
    fastHash: e.NAMRO_FAST_HASH === '1',
    webDir: e.WEB_DIR ? resolve(e.WEB_DIR) : DEFAULT_WEB_DIR,
    businessDate: e.NAMRO_TODAY && e.NAMRO_TODAY !== 'now' ? e.NAMRO_TODAY : null,
  };
}

function parseTrustProxy(value: string | undefined): boolean | number | string[] {
  if (!value || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value.split(',').map((v) => v.trim()).filter(Boolean);
}

/** First run without SESSION_SECRET: generate one and keep it beside the data so restarts keep sessions valid. */
function storedSessionSecret(dataDir: string): string {
  const file = join(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
