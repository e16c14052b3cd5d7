import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../server/auth/actor.ts';
import { useFastHashing } from '../server/auth/passwords.ts';
import { openDatabase } from '../server/db/connection.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import type { Dialect } from '../server/db/connection.ts';
import { provinceTemplate } from '../server/orgs/province-template.ts';
import { loadOrgTemplate } from '../server/orgs/template-loader.ts';
import { createUser } from '../server/users/service.ts';
import { forEachDialect, freshDatabase, type TestDatabase } from './helpers/db.ts';
import { killHard, startServerProcess } from './helpers/server-process.ts';

const PASSWORD = 'mat-khau-thu-nghiem';
const ROUNDS = 3;
const CLIENTS = 8;

async function signIn(url: string): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: PASSWORD }) });
  if (!res.ok) throw new Error(`login failed: ${res.status}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, csrf: csrfToken };
}

/** Clients that keep creating orgs; a code is recorded only once the server has answered 201. */
async function writeUntilKilled(url: string, round: number, acknowledged: string[], stop: { now: boolean }) {
  const auth = await signIn(url);
  let seq = 0;
  const client = async (c: number) => {
    while (!stop.now) {
      const code = `CRASH-${round}-${c}-${seq++}`;
      try {
        const res = await fetch(`${url}/api/orgs`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie: auth.cookie, 'x-csrf-token': auth.csrf },
          body: JSON.stringify({ code, name: `Đơn vị thử ${code}`, kind: 'unit', aliases: [`ĐV ${code}`] }),
        });
        if (res.status === 201) acknowledged.push(code);
        else await res.text();
      } catch {
        return; // the server died mid-request: this write was never acknowledged
      }
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));
}

forEachDialect('SIGKILL during concurrent writes', (dialect: Dialect) => {
  let dir: string;
  let pgDb: TestDatabase | undefined;
  let env: Record<string, string>;

  beforeAll(async () => {
    useFastHashing(true);
    dir = mkdtempSync(join(tmpdir(), 'namro-crash-'));
    let url: string;
    if (dialect === 'sqlite') {
      url = `sqlite:${join(dir, 'namro.db')}`;
      const handle = openDatabase({ dialect: 'sqlite', path: join(dir, 'namro.db') });
      await migrateToLatest(handle.db);
      await prepare(handle.db);
      await handle.close();
    } else {
      pgDb = await freshDatabase('postgres');
      await prepare(pgDb.db);
      url = pgDb.url;
    }
    env = { DATABASE_URL: url, DATA_DIR: dir, SESSION_SECRET: 's'.repeat(40) };
  }, 60_000);

  async function prepare(db: Parameters<typeof loadOrgTemplate>[0]) {
    const ids = await loadOrgTemplate(db, SYSTEM_ACTOR, provinceTemplate({ code: 'HD', name: 'Hải Dương' }));
    await createUser(db, SYSTEM_ACTOR, { username: 'admin', fullName: 'Quản trị', role: 'admin', orgId: ids.get('UBND') ?? 1, password: PASSWORD });
  }

  afterAll(async () => {
    await pgDb?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every acknowledged write across repeated kill -9 and restarts', async () => {
    const port = 41000 + Math.floor(Math.random() * 2000) + (dialect === 'postgres' ? 2000 : 0);
    const acknowledged: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const server = await startServerProcess(env, port);
      const stop = { now: false };
      const writing = writeUntilKilled(server.url, round, acknowledged, stop);
      await new Promise((r) => setTimeout(r, 700 + round * 200));
      await killHard(server);
      stop.now = true;
      await writing;
    }
    expect(acknowledged.length).toBeGreaterThan(20);

    const server = await startServerProcess(env, port);
    try {
      const auth = await signIn(server.url);
      const res = await fetch(`${server.url}/api/orgs?kind=unit&pageSize=200&page=1`, { headers: { cookie: auth.cookie } });
      expect(res.status).toBe(200);
      const handle = dialect === 'sqlite' ? openDatabase({ dialect: 'sqlite', path: join(dir, 'namro.db') }) : undefined;
      const db = handle?.db ?? pgDb?.db;
      if (!db) throw new Error('no database');
      const stored = new Set((await db.selectFrom('orgs').select('code').where('code', 'like', 'CRASH-%').execute()).map((r) => r.code));
      const lost = acknowledged.filter((c) => !stored.has(c));
      expect(lost).toEqual([]);
      // Every stored org has its names and its audit row: no half-written change survived.
      const orphans = await db
        .selectFrom('orgs')
        .select('orgs.code')
        .where('orgs.code', 'like', 'CRASH-%')
        .where((eb) => eb.not(eb.exists(eb.selectFrom('audit_log').select('audit_log.id').whereRef('audit_log.entity_id', '=', eb.cast('orgs.id', 'text')).where('audit_log.entity_type', '=', 'org'))))
        .execute();
      expect(orphans).toEqual([]);
      await handle?.close();
    } finally {
      await killHard(server);
    }
    if (dialect === 'sqlite') {
      const check = new SQLite(join(dir, 'namro.db'));
      expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(check.pragma('foreign_key_check')).toEqual([]);
      check.close();
    }
  }, 120_000);
});
