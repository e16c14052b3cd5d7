/**
 * Benchmarks through the real HTTP server, on the demo data, on SQLite or PostgreSQL:
 *   npm run bench                         # SQLite
 *   npm run bench -- --db postgres        # PostgreSQL (TEST_DATABASE_URL, own schema)
 * Prints p50 / p95 / p99 per endpoint and the server's peak memory, and writes bench/results/*.json.
 *   npm run bench -- --scale S|M|L        # a generated dataset instead of the demo (bench/generate/)
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { useFastHashing } from '../server/auth/passwords.ts';
import { openDatabase } from '../server/db/connection.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { DEMO_PASSWORD, seedDemo } from '../server/demo/seed.ts';
import { actorForUser } from '../server/auth/sessions.ts';
import { parseDatabaseUrl } from '../server/config.ts';
import { commitImport } from '../server/imports/commit.ts';
import { previewDocument } from '../server/imports/service.ts';
import { runDailyReminders } from '../server/jobs/reminders.ts';
import { measureTaskSearch } from './search.ts';
import { refreshAllStatuses } from '../server/assignments/status.ts';
import { addDays, endOfMonthLabel, previousMonthLabel, vietnamDate } from '../server/domain/time.ts';
import { recordMonthEnd } from '../server/dashboard/month-end.ts';
import { ensureWebBuild } from '../test/e2e/helpers/web-build.ts';
import { buildServer } from '../test/helpers/server-process.ts';
import { generateDataset, type DatasetSummary } from './generate/dataset.ts';
import { SCALES, isScaleName } from './generate/scales.ts';
import { postgresSink, sqliteSink } from './generate/sink.ts';
import { mixedTraffic, reportSubmissions, type LoadFigures } from './load.ts';
import { measureWeb } from './web.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const { values } = parseArgs({ options: { scale: { type: 'string' }, load: { type: 'string', default: '120' }, db: { type: 'string', default: 'sqlite' }, requests: { type: 'string', default: '2000' }, concurrency: { type: 'string', default: '10' } } });
const dialect = values.db === 'postgres' ? 'postgres' : 'sqlite';
const REQUESTS = Number(values.requests);
const CONCURRENCY = Number(values.concurrency);
const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
if (values.scale !== undefined && !isScaleName(values.scale)) throw new Error('--scale must be S, M or L');
const SCALE = values.scale !== undefined && isScaleName(values.scale) ? SCALES[values.scale] : null;
/** Who signs in: the demo's accounts, or the generated ones (first province; the leader reads the whole country). */
const USERS = SCALE
  ? { agency: 'p01.s1.staff', leader: 'national.leader', coordinator: 'p01.coordinator', province: 'p01.ubnd' }
  : { agency: 'agency.staff', leader: 'leader', coordinator: 'coordinator', province: 'agency.leader' };

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

function peakRssMb(pid: number | undefined): number {
  if (!pid) return 0;
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

function describe(s: Awaited<ReturnType<typeof seedDemo>> | DatasetSummary): string {
  if (s && 'scale' in s) return `scale ${s.scale}: ${s.orgs} orgs, ${s.directives} directives, ${s.tasks} tasks, ${s.assignments} assignments, ${s.reports} reports, ${s.indicatorValues} indicator values (loaded in ${s.seconds} s)`;
  return s ? `demo: ${s.orgs} orgs, ${s.directives} directives, ${s.tasks} tasks, ${s.assignments} assignments, ${s.reports} reports` : 'demo';
}

async function loadGenerated(sink: Awaited<ReturnType<typeof postgresSink>>): Promise<string> {
  if (!SCALE) return '';
  console.log(`generating scale ${SCALE.name} (${SCALE.tasks} tasks)…`);
  try {
    return describe(await generateDataset(sink, SCALE));
  } finally {
    await sink.close();
  }
}

/** What the first daily run of the month keeps for the dashboard's comparison, as a running server would have it. */
async function keepLastMonth(target: { dialect: 'sqlite'; path: string }): Promise<void> {
  const handle = openDatabase(target);
  try {
    await recordMonthEnd(handle.db, endOfMonthLabel(previousMonthLabel(vietnamDate().slice(0, 7))));
  } finally {
    await handle.close();
  }
}

async function prepare(): Promise<{ url: string; cleanup: () => Promise<void>; dataDir: string; dataset: string }> {
  useFastHashing(false);
  const dataDir = mkdtempSync(join(tmpdir(), 'namro-bench-'));
  if (dialect === 'sqlite') {
    const path = join(dataDir, 'bench.db');
    const handle = openDatabase({ dialect: 'sqlite', path });
    await migrateToLatest(handle.db);
    const dataset = SCALE ? '' : describe(await seedDemo(handle.db));
    await handle.close();
    const generated = SCALE ? await loadGenerated(sqliteSink(path)) : dataset;
    if (SCALE) await keepLastMonth({ dialect: 'sqlite', path });
    return { url: `sqlite:${path}`, dataDir, dataset: generated, cleanup: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const schema = `bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`);
  const handle = openDatabase({ dialect: 'postgres', url: PG_URL }, { schema });
  await migrateToLatest(handle.db);
  const dataset = SCALE ? await loadGenerated(await postgresSink(PG_URL, schema)) : describe(await seedDemo(handle.db));
  if (SCALE) await recordMonthEnd(handle.db, endOfMonthLabel(previousMonthLabel(vietnamDate().slice(0, 7))));
  await handle.close();
  return {
    dataset,
    url: `${PG_URL}?options=${encodeURIComponent(`-c search_path=${schema}`)}`,
    dataDir,
    cleanup: async () => {
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function startServer(databaseUrl: string, dataDir: string, webDir: string): Promise<{ child: ChildProcess; base: string }> {
  const port = 39000 + Math.floor(Math.random() * 1000);
  // As `npm run start:prod` serves it: the compiled build (built by main(), below), not the TypeScript loader.
  const child = spawn(process.execPath, ['dist/server/cli.js', 'serve'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', SCHEDULER: 'off', WEB_DIR: webDir },
    stdio: 'inherit',
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return { child, base };
    } catch {
      /* starting */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error('server did not start');
}

interface Result {
  name: string;
  requests: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  rps: number;
}

/** Warm-up, then `requests` requests from CONCURRENCY clients (fewer for heavy endpoints such as a DOCX). */
async function measure(name: string, request: (i: number) => Promise<Response>, requests = REQUESTS, clients = CONCURRENCY): Promise<Result> {
  for (let i = 0; i < Math.min(50, Math.ceil(requests / 4)); i++) await (await request(i)).arrayBuffer(); // warm-up
  const times: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < requests) {
      const i = next++;
      const t0 = performance.now();
      const res = await request(i);
      await res.arrayBuffer();
      times.push(performance.now() - t0);
      if (res.status >= 400) errors++;
    }
  };
  await Promise.all(Array.from({ length: clients }, worker));
  const elapsed = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 100) / 100;
  return { name, requests: times.length, errors, p50: round(percentile(times, 50)), p95: round(percentile(times, 95)), p99: round(percentile(times, 99)), rps: Math.round(times.length / elapsed) };
}

/** Seconds until the server answers a health check within one second again (at most five minutes). */
async function waitUntilAnswering(base: string): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < 300_000) {
    try {
      if ((await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(1_000) })).ok) break;
    } catch {
      /* still busy */
    }
  }
  return Math.round((performance.now() - started) / 1000);
}

/** The first directive a coordinator follows (the monthly synthesis is of one directive). */
async function firstDirectiveOf(base: string, cookie: string): Promise<number> {
  const res = await fetch(`${base}/api/directives?pageSize=1`, { headers: { cookie } });
  const body = (await res.json()) as { items: { id: number }[] };
  return body.items[0]?.id ?? 1;
}

interface JobTiming {
  name: string;
  runs: number;
  p50: number;
  p95: number;
}

async function timeRuns(name: string, runs: number, work: (i: number) => Promise<unknown>): Promise<JobTiming> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await work(i);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return { name, runs, p50: round(percentile(times, 50)), p95: round(percentile(times, 95)) };
}

/** The importer on Plan 726, the daily job and task search, measured in this process against the same database. */
async function measureJobs(databaseUrl: string): Promise<JobTiming[]> {
  const handle = openDatabase(parseDatabaseUrl(databaseUrl));
  try {
    const plan = readFileSync(join(ROOT, 'test', 'fixtures', 'seeds', '001_7ac3fb3fba868bc4.txt'));
    const coordinator = await handle.db.selectFrom('users').selectAll().where('username', '=', USERS.coordinator).executeTakeFirstOrThrow();
    const actor = await actorForUser(handle.db, coordinator, 'system');
    const out: JobTiming[] = [];
    out.push(await timeRuns('import preview of Plan 726 (parse + resolve 81 tasks, 44 indicators)', 20, () => previewDocument(handle.db, { bytes: plan, filename: '726.txt' })));
    // Each run imports the plan under a new number: 81 tasks, their agencies, ~500 assignments, 44 indicators.
    out.push(
      await timeRuns('import confirm of Plan 726 as a new directive (one transaction)', 5, async (i) => {
        const renumbered = Buffer.from(plan.toString('utf8').replace('Số: 726/KH-UBND', `Số: ${9000 + i}/KH-UBND`));
        const { preview, text } = await previewDocument(handle.db, { bytes: renumbered, filename: '726.txt' });
        await commitImport(handle.db, actor, preview, text);
      }),
    );
    // Five consecutive days: the demo's months lie in 2025; a generated dataset is built around today.
    const firstDay = SCALE ? vietnamDate() : '2025-07-10';
    out.push(await timeRuns(`daily reminders + status pass (${SCALE ? `scale ${SCALE.name}` : 'demo data'})`, 5, (i) => runDailyReminders(handle.db, addDays(firstDay, i))));
    // Every task recomputed, set by set (after a change of calendar, or the demo's move of its business date).
    out.push(await timeRuns('status recompute of every task', 1, () => refreshAllStatuses(handle.db, addDays(firstDay, 5), { everyTask: true })));
    out.push(...(await measureTaskSearch(handle.db, timeRuns)));
    return out;
  } finally {
    await handle.close();
  }
}

async function main() {
  const { url, dataDir, cleanup, dataset } = await prepare();
  const webDir = ensureWebBuild();
  buildServer();
  const { child, base } = await startServer(url, dataDir, webDir);
  try {
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: USERS.agency, password: DEMO_PASSWORD }) });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const signIn = async (username: string) => {
      const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
      if (!res.ok) throw new Error(`${username} could not sign in: ${res.status}`);
      return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    };
    const leaderCookie = await signIn(USERS.leader);
    const provinceCookie = await signIn(USERS.province);
    const coordinatorCookie = await signIn(USERS.coordinator);
    const get = (path: string, c = leaderCookie) => () => fetch(`${base}${path}`, { headers: { cookie: c } });
    const assignments = (await (await fetch(`${base}/api/assignments?state=open&pageSize=50`, { headers: { cookie } })).json()) as { items: { id: number }[] };
    const own = assignments.items.map((a) => a.id);
    const results: Result[] = [];
    results.push(await measure('GET /api/health', get('/api/health')));
    results.push(await measure(`GET /api/dashboard (${SCALE ? 'whole country' : 'whole province'}, leader)`, get('/api/dashboard')));
    results.push(await measure(`GET /api/dashboard (${SCALE ? 'one province: its UBND' : 'one agency: Sở Y tế'})`, get('/api/dashboard', provinceCookie)));
    results.push(await measure('GET /api/worklist/review-queue (coordinator)', get('/api/worklist/review-queue', coordinatorCookie)));
    results.push(await measure('GET /api/tasks (filter, sort, page)', get('/api/tasks?directiveId=1&statusClass=overdue&sort=-due_on&pageSize=20')));
    results.push(await measure('GET /api/tasks?q= (accent-insensitive search)', get('/api/tasks?q=du%20lieu%20dat%20dai')));
    results.push(await measure('GET /api/tasks/:id (task page)', (i) => fetch(`${base}/api/tasks/${1 + (i % 81)}`, { headers: { cookie: leaderCookie } })));
    results.push(await measure('GET /api/assignments (agency scope)', get('/api/assignments?pageSize=50', cookie)));
    results.push(
      await measure('PATCH /api/assignments/:id (agency write + audit)', (i) =>
        fetch(`${base}/api/assignments/${own[i % own.length] ?? 1}`, {
          method: 'PATCH',
          headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
          body: JSON.stringify({ responsiblePerson: `Cán bộ ${i % 7}` }),
        }),
      ),
    );
    results.push(
      await measure('PUT /api/assignments/:id/report (draft save + audit)', (i) =>
        fetch(`${base}/api/assignments/${own[i % own.length] ?? 1}/report`, {
          method: 'PUT',
          headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
          body: JSON.stringify({ results: `Kết quả thực hiện lần ${i}`, progress: i % 100 }),
        }),
      ),
    );
    // What one person waits for with nobody else on the server: on SQLite every request runs on the one event
    // loop, so the 10-client figures above are mostly the queue in front of it.
    const alone: [string, (i: number) => Promise<Response>][] = [
      [`GET /api/dashboard (${SCALE ? 'whole country' : 'whole province'}, leader)`, get('/api/dashboard')],
      [`GET /api/dashboard (${SCALE ? 'one province: its UBND' : 'one agency: Sở Y tế'})`, get('/api/dashboard', provinceCookie)],
      ['GET /api/worklist/review-queue (coordinator)', get('/api/worklist/review-queue', coordinatorCookie)],
      ['GET /api/tasks?q= (accent-insensitive search)', get('/api/tasks?q=du%20lieu%20dat%20dai')],
      [
        'PUT /api/assignments/:id/report (draft save + audit)',
        (i) =>
          fetch(`${base}/api/assignments/${own[i % own.length] ?? 1}/report`, {
            method: 'PUT',
            headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
            body: JSON.stringify({ results: `Kết quả thực hiện, một người dùng, lần ${i}`, progress: i % 100 }),
          }),
      ],
    ];
    for (const [name, request] of alone) results.push(await measure(`${name} — one client`, request, Math.min(REQUESTS, 100), 1));
    // The demo's months lie in 2025; a generated dataset is built around today.
    const reportMonth = SCALE ? previousMonthLabel(vietnamDate().slice(0, 7)) : '2025-10';
    const directiveOfCoordinator = await firstDirectiveOf(base, coordinatorCookie);
    results.push(await measure('GET /api/documents/monthly-report.docx (monthly synthesis)', get(`/api/documents/monthly-report.docx?directiveId=${directiveOfCoordinator}&period=${reportMonth}`, coordinatorCookie), 40));
    const loadSeconds = Number(values.load);
    const load: LoadFigures[] = [];
    if (loadSeconds > 0) {
      const sessions = { agencyCookie: cookie, agencyCsrf: csrfToken, leaderCookie, ownAssignments: own, taskIds: Array.from({ length: 81 }, (_, i) => i + 1) };
      console.log(`load: 50 clients saving reports for ${Math.min(30, loadSeconds)} s, then 200 clients of mixed traffic for ${loadSeconds} s…`);
      load.push(await reportSubmissions(base, sessions, Math.min(30, loadSeconds)));
      load.push(await mixedTraffic(base, sessions, loadSeconds, '/api/dashboard'));
    }
    const peak = peakRssMb(child.pid);
    // A server that fell behind under the load first works off the requests its clients gave up on.
    const drained = await waitUntilAnswering(base);
    const web = await measureWeb(base, webDir, USERS.leader, DEMO_PASSWORD).catch((error: unknown) => {
      console.error(`web measurement failed: ${String(error)}`);
      return null;
    });
    const jobs = await measureJobs(url);
    const machine = { cpus: cpus().length, cpu: cpus()[0]?.model ?? '?', memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version };
    const report = { at: new Date().toISOString(), dialect, scale: SCALE?.name ?? 'demo', concurrency: CONCURRENCY, requestsPerEndpoint: REQUESTS, dataset, machine, serverPeakRssMb: peak, results, load, secondsToDrainAfterLoad: drained, jobs, web };
    const file = join(ROOT, 'bench', 'results', `${report.at.slice(0, 10)}-${dialect}${SCALE ? `-${SCALE.name}` : ''}.json`);
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`\n${dialect} — ${dataset} — ${CONCURRENCY} clients, ${REQUESTS} requests each — server peak RSS ${peak} MB`);
    console.log('| endpoint | p50 ms | p95 ms | p99 ms | req/s | errors |\n|---|---|---|---|---|---|');
    for (const r of results) console.log(`| ${r.name} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.rps} | ${r.errors} |`);
    if (load.length) {
      console.log('\n| load (autocannon) | seconds | requests | req/s | p50 ms | p90 ms | p97.5 ms | p99 ms | errors | non-2xx |\n|---|---|---|---|---|---|---|---|---|---|');
      for (const l of load) console.log(`| ${l.name} | ${l.seconds} | ${l.requests} | ${l.perSecond} | ${l.p50} | ${l.p90} | ${l.p97_5} | ${l.p99} | ${l.errors}${Object.keys(l.errorKinds).length ? ` (${Object.entries(l.errorKinds).map(([k, n]) => `${k}: ${n}`).join(', ')})` : ''} | ${l.non2xx} |`);
    }
    console.log('\n| job (in process) | runs | p50 ms | p95 ms |\n|---|---|---|---|');
    for (const j of jobs) console.log(`| ${j.name} | ${j.runs} | ${j.p50} | ${j.p95} |`);
    console.log(`\nafter the load the server answered again within 1 s after ${drained} s`);
    if (web) {
      console.log(`web app (gzip JavaScript): sign-in ${web.signInJsGzipKb} KB, home after sign-in ${web.homeJsGzipKb} KB (target < 400), dashboard with charts ${web.dashboardJsGzipKb} KB`);
      console.log(`dashboard interactive (cold cache, leader): ${web.dashboardInteractiveMs.join(' / ')} ms`);
    }
    console.log(`\nwritten to ${file}`);
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    await cleanup();
  }
}

await main();
