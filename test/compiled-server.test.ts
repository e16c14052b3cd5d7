import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { LATEST_MIGRATION } from '../server/db/migrations/index.ts';
import { ensureWebBuild } from './e2e/helpers/web-build.ts';
import { freePort } from './helpers/fault-utils.ts';
import { buildServer, killHard, type ServerProcess, startServerProcess } from './helpers/server-process.ts';

/**
 * `npm run start:prod` serves the compiled build (dist/): about 65 MB less memory than the TypeScript loader.
 * It must find everything the sources find — the migrations, the web app, the demo fixtures — from dist/.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'namro-compiled-'));
let server: ServerProcess | undefined;

afterAll(async () => {
  if (server) await killHard(server);
  rmSync(dataDir, { recursive: true, force: true });
});

it('builds, migrates a new database and serves the API and the web app from dist/', { timeout: 120_000 }, async () => {
  buildServer();
  const webDir = ensureWebBuild();
  server = await startServerProcess({ DATABASE_URL: `sqlite:${join(dataDir, 'namro.db')}`, DATA_DIR: dataDir, SCHEDULER: 'off', WEB_DIR: webDir }, await freePort(), 'dist');
  const health = await fetch(`${server.url}/api/health`);
  expect(await health.json()).toEqual({ status: 'ok', database: 'sqlite', migration: LATEST_MIGRATION });
  const page = await fetch(`${server.url}/`);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('<div id="root">');
  // A request that goes through validation, authentication and the Vietnamese error shape.
  const refused = await fetch(`${server.url}/api/tasks`);
  expect(refused.status).toBe(401);
  expect(((await refused.json()) as { error: { message: string } }).error.message).toBe('Bạn cần đăng nhập.');
});
