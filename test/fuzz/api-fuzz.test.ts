import fc from 'fast-check';
import type * as FastifyModule from 'fastify';
import { beforeAll, beforeEach, it, vi } from 'vitest';
import { loadConfig } from '../../server/config.ts';
import { buildApp } from '../../server/http/app.ts';
import { type TestApi, setupApi } from '../helpers/api.ts';
import { forEachDialect, freshDatabase } from '../helpers/db.ts';
import { answerProblems, fuzzRuns, recordAnswer, within } from './check.ts';
import { ROLES, SessionPool, restoreAccounts, seedDeeperState, snapshotAccounts } from './fixture.ts';
import { type FuzzRequest, type FuzzRoute, describeRequest, fuzzable, requestArb } from './routes.ts';

/**
 * Property-based fuzz of every API route the app registers (issue 7): path ids, query strings, JSON,
 * malformed and multipart bodies, as each role and as a visitor. Property: no 5xx, no hang, and every
 * refusal is the app's JSON error with a catalogue code and a Vietnamese message.
 * FUZZ_RUNS=300 npx vitest run --project server test/fuzz  fuzzes longer than the default (25 per route);
 * FUZZ_SEED=<seed> replays a failure; FUZZ_STATS=<file> records every answer (see check.ts).
 */
const REQUEST_LIMIT_MS = 15_000;

// Fastify has no public list of routes: wrap its factory so every app built here records them (onRoute).
const recorded = vi.hoisted(() => ({ routes: [] as FuzzRoute[] }));
vi.mock('fastify', async (importOriginal) => {
  const mod = await importOriginal<typeof FastifyModule>();
  type Recording = { addHook(name: 'onRoute', hook: (route: { method: string | string[]; url: string; schema?: FuzzRoute['schema'] }) => void): unknown };
  const create = mod.default as unknown as (options?: unknown) => Recording;
  const recording = (options?: unknown) => {
    const app = create(options);
    app.addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) recorded.routes.push({ method, url: route.url, schema: route.schema ?? {} });
    });
    return app;
  };
  return { ...mod, default: recording, fastify: recording };
});

/** The routes of an app built once here, so each gets its own test (a new endpoint is fuzzed with no edit). */
async function listRoutes(): Promise<FuzzRoute[]> {
  const db = await freshDatabase('sqlite');
  const config = loadConfig({ DATABASE_URL: db.url, SESSION_SECRET: 'x'.repeat(40), DATA_DIR: '/tmp/namro-test-data' });
  const app = await buildApp({ db: db.db, dialect: 'sqlite', config });
  await app.close();
  await db.close();
  const routes = recorded.routes.filter(fuzzable);
  return routes.filter((r, i) => routes.findIndex((o) => o.method === r.method && o.url === r.url) === i);
}
const ROUTES = await listRoutes();

async function send(api: TestApi, pool: SessionPool, req: FuzzRequest) {
  const headers: Record<string, string> = {};
  if (req.role) {
    const s = await pool.get(req.role);
    headers.cookie = s.cookie;
    if (req.csrf !== 'missing') headers['x-csrf-token'] = req.csrf === 'ok' ? s.csrf : 'not-the-token';
  }
  if (req.bearer !== null) headers.authorization = `Bearer ${req.bearer}`;
  if (req.payload.contentType !== undefined) headers['content-type'] = req.payload.contentType;
  const method = req.method as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  const res = await api.app.inject({ method, url: req.url, headers, remoteAddress: req.remoteAddress, ...(req.payload.body === undefined ? {} : { payload: req.payload.body }) });
  // A route that told the client to drop its session cookie (logout) ended that session.
  if (req.role && res.cookies.some((c) => c.name === 'namro_session' && !c.value)) pool.forget(req.role);
  return res;
}

forEachDialect('API fuzz', (dialect) => {
  const ctx = setupApi(dialect);
  let pool: SessionPool;
  let accounts: Awaited<ReturnType<typeof snapshotAccounts>>;

  beforeAll(async () => {
    const api = ctx.get();
    pool = new SessionPool(api);
    accounts = await snapshotAccounts(api);
    await seedDeeperState(api, pool);
  }, 60_000);

  // The fuzz may deactivate, re-role or lock the seeded accounts, or end their sessions: each route starts clean.
  beforeEach(async () => {
    await restoreAccounts(ctx.get(), accounts);
    await pool.revalidate();
  }, 30_000);

  it('finds the routes to fuzz', () => {
    if (ROUTES.length < 40) throw new Error(`only ${ROUTES.length} routes recorded`);
  });

  for (const route of ROUTES) {
    it(`${route.method} ${route.url}`, { timeout: 60_000 }, async () => {
      const api = ctx.get();
      await fc.assert(
        fc.asyncProperty(requestArb(route, ROLES), async (req) => {
          const label = describeRequest(req);
          const res = await within(REQUEST_LIMIT_MS, label, send(api, pool, req));
          recordAnswer(`${dialect}\t${route.method} ${route.url}`, res);
          const problems = answerProblems(res);
          if (problems.length) throw new Error(`${label}: ${problems.join('; ')}\n${res.statusCode} ${res.body.slice(0, 400)}`);
        }),
        // No shrinking: each step is a request; the counterexample printed is short enough to replay.
        { ...fuzzRuns(25), endOnFailure: true },
      );
    });
  }
});
