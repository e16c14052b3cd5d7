import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe } from 'vitest';
import { type DatabaseHandle, type Dialect, openDatabase } from '../../server/db/connection.ts';
import { migrateToLatest } from '../../server/db/migrate.ts';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

let pgReachable: Promise<boolean> | undefined;
async function postgresReachable(): Promise<boolean> {
  pgReachable ??= (async () => {
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      await client.end();
      return true;
    } catch {
      return false;
    }
  })();
  return pgReachable;
}

export interface TestDatabase extends DatabaseHandle {
  /** A DATABASE_URL that reaches the same data (for child processes); PostgreSQL URLs carry the schema. */
  url: string;
  schema?: string;
}

/**
 * A fresh, migrated database of the dialect: a SQLite file in a temp dir, or a PostgreSQL schema of its
 * own so test files never collide. With CI=true an unreachable PostgreSQL is a failure, not a skip.
 */
export async function freshDatabase(dialect: Dialect): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'namro-test-'));
    const path = join(dir, 'test.db');
    const handle = openDatabase({ dialect: 'sqlite', path });
    await migrateToLatest(handle.db);
    return {
      ...handle,
      url: `sqlite:${path}`,
      close: async () => {
        await handle.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  if (!(await postgresReachable())) {
    throw new Error(`PostgreSQL is not reachable at ${TEST_DATABASE_URL}`);
  }
  const schema = `t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const handle = openDatabase({ dialect: 'postgres', url: TEST_DATABASE_URL }, { schema, poolSize: 5 });
  await migrateToLatest(handle.db);
  const url = `${TEST_DATABASE_URL}${TEST_DATABASE_URL.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  return {
    ...handle,
    url,
    schema,
    close: async () => {
      await handle.close();
      const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await c.end();
    },
  };
}

/** Checked once per test file: with CI=true an unreachable PostgreSQL fails the run instead of skipping. */
export const POSTGRES_AVAILABLE = await postgresReachable();
if (!POSTGRES_AVAILABLE && process.env.CI === 'true') {
  throw new Error(`CI=true but PostgreSQL is unreachable at ${TEST_DATABASE_URL}`);
}

/** Runs a suite once per dialect Năm Rõ ships; PostgreSQL is skipped only outside CI when no server runs. */
export function forEachDialect(title: string, body: (dialect: Dialect) => void): void {
  for (const dialect of ['sqlite', 'postgres'] as const) {
    describe.skipIf(dialect === 'postgres' && !POSTGRES_AVAILABLE)(`${title} [${dialect}]`, () => {
      body(dialect);
    });
  }
}
