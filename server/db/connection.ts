import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DatabaseTarget } from '../config.ts';
import { AppError } from '../errors.ts';
import { TolerantSqliteDialect } from './sqlite-dialect.ts';
import type { Database } from './types.ts';

export type Dialect = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: Dialect;
  /** The raw SQLite connection (backup API, integrity checks); undefined on PostgreSQL. */
  sqlite?: SQLite.Database;
  close(): Promise<void>;
}

// pg returns int8 (count(*), sums) and numeric as strings; Năm Rõ's counts and ids fit in a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

export interface OpenOptions {
  /** PostgreSQL schema to use (tests give each file its own). */
  schema?: string;
  poolSize?: number;
}

/**
 * A WAL database cannot even be read from a read-only volume (SQLite must create its -shm file), and opened
 * half-working it would answer every request with an error: refuse to start, saying why, instead.
 */
function assertWritableLocation(path: string): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    accessSync(dirname(path), constants.W_OK);
    if (existsSync(path)) accessSync(path, constants.W_OK);
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (code !== 'EROFS' && code !== 'EACCES' && code !== 'EPERM') throw err;
    throw new AppError(
      'storage_read_only',
      `Không mở được cơ sở dữ liệu ${path} để ghi (${String(code)}): thư mục dữ liệu đang ở chế độ chỉ đọc hoặc không có quyền ghi. Dữ liệu không bị thay đổi; hãy kiểm tra ổ đĩa rồi khởi động lại.`,
    );
  }
}

export function openDatabase(target: DatabaseTarget, options: OpenOptions = {}): DatabaseHandle {
  if (target.dialect === 'sqlite') {
    if (target.path !== ':memory:') assertWritableLocation(target.path);
    const sqlite = new SQLite(target.path);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // FULL: a commit that was acknowledged survives a power cut, not only a process crash.
    sqlite.pragma('synchronous = FULL');
    // The query planner's statistics, gathered where missing or stale (as SQLite advises for long-lived
    // connections): without them it scans a 600,000-row table where an index answers.
    sqlite.pragma('optimize = 0x10002');
    const db = new Kysely<Database>({ dialect: new TolerantSqliteDialect(sqlite) });
    return { db, dialect: 'sqlite', sqlite, close: () => db.destroy() };
  }
  const pool = new pg.Pool({
    connectionString: target.url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: 5000,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  // An idle client that loses its server (restart, failover) must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  // A checked-out client between two queries (inside a transaction) has no pool listener: without its own, the
  // 'error' it emits when PostgreSQL goes away is unhandled and kills the process. Its next query fails instead
  // (mapped to database_unavailable) and the pool discards it on release.
  pool.on('connect', (client) => client.on('error', () => undefined));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}
