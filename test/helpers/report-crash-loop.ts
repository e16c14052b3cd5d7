import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseTarget } from '../../server/config.ts';
import { type Dialect, openDatabase } from '../../server/db/connection.ts';
import { FAULT_SECRET, type FaultSeed, seedDatabaseAt } from './fault-seed.ts';
import { freePort, seededRandom, waitFor } from './fault-utils.ts';
import { consistencyProblems, ledgerProblems, sqliteFileProblems } from './report-checks.ts';
import { call, ReportLedger, runWorkload } from './report-workload.ts';
import { killHard, type ServerProcess, startServerProcess } from './server-process.ts';

export interface CrashLoopOptions {
  dialect: Dialect;
  /** PostgreSQL: a migrated, empty database (its URL may carry a search_path); SQLite makes its own file. */
  postgresUrl?: string;
  rounds: number;
  agencies: number;
  readers: number;
  /** Acknowledged writes to wait for in a round before the kill can come. */
  acksPerRound: number;
  /** The kill comes at a random moment up to this long after that. */
  maxKillDelayMs: number;
  contentChars?: number;
  seed?: number;
}

export interface CrashLoopResult {
  seed: number;
  problems: string[];
  acknowledged: number;
  reports: number;
  answers: Record<string, number>;
}

/** Writes every client acknowledged, and the invariants, checked on the database the server left behind. */
async function checkDatabase(target: DatabaseTarget, ledger: ReportLedger, seed: FaultSeed): Promise<string[]> {
  const ids = seed.agencies.map((a) => a.assignmentId);
  const problems = target.dialect === 'sqlite' ? sqliteFileProblems(target.path) : [];
  const handle = openDatabase(target, { poolSize: 2 });
  try {
    return [...problems, ...(await ledgerProblems(handle.db, ledger, ids)), ...(await consistencyProblems(handle.db, ids))];
  } finally {
    await handle.close();
  }
}

/**
 * Agencies save and submit reports concurrently against a real server process, which is killed with
 * SIGKILL at a random moment and restarted, round after round. After every restart each acknowledged
 * write must be there with its content, and the reporting tables must be consistent.
 */
export async function runReportCrashLoop(opts: CrashLoopOptions): Promise<CrashLoopResult> {
  const seedValue = opts.seed ?? Math.floor(Math.random() * 2 ** 31);
  const random = seededRandom(seedValue);
  const dir = mkdtempSync(join(tmpdir(), 'namro-report-crash-'));
  let server: ServerProcess | undefined;
  const problems: string[] = [];
  const ledger = new ReportLedger();
  try {
    if (opts.dialect === 'postgres' && !opts.postgresUrl) throw new Error('postgresUrl is required on PostgreSQL');
    const target: DatabaseTarget = opts.postgresUrl ? { dialect: 'postgres', url: opts.postgresUrl } : { dialect: 'sqlite', path: join(dir, 'namro.db') };
    const url = target.dialect === 'sqlite' ? `sqlite:${target.path}` : target.url;
    const seed = await seedDatabaseAt(target, opts.agencies);
    // No scheduler: its daily status pass would repair drifted status classes and hide the very fault looked for.
    const env = { DATABASE_URL: url, DATA_DIR: dir, SESSION_SECRET: FAULT_SECRET, SCHEDULER: 'off' };
    const port = await freePort();
    for (let round = 0; round <= opts.rounds; round++) {
      server = await startServerProcess(env, port);
      if (round > 0) {
        const after = await checkDatabase(target, ledger, seed);
        problems.push(...after.map((p) => `after restart ${round}: ${p}`));
        const read = await call(server.url, seed.coordinatorToken, 'GET', '/api/reports?pageSize=5&page=1');
        if (read.status !== 200) problems.push(`after restart ${round}: report list answered ${read.status} ${read.code}`);
      }
      if (round === opts.rounds) break;
      const stop = { now: false };
      const enough = ledger.acknowledged + opts.acksPerRound;
      const work = runWorkload({ url: server.url, ledger, stop, endOnNoAnswer: true, contentChars: opts.contentChars ?? 600 }, seed, opts.readers);
      if (!(await waitFor(() => ledger.acknowledged >= enough, 30_000))) problems.push(`round ${round}: only ${ledger.acknowledged} writes acknowledged`);
      await new Promise((r) => setTimeout(r, Math.floor(random() * opts.maxKillDelayMs)));
      await killHard(server);
      stop.now = true;
      await work;
    }
  } finally {
    if (server) await killHard(server);
    rmSync(dir, { recursive: true, force: true });
  }
  const unexpected = ledger.unexpectedAnswers((k) => /^(write|read) (200|0)$/.test(k));
  if (unexpected.length) problems.push(`unexpected answers: ${unexpected.join(', ')}`);
  return { seed: seedValue, problems, acknowledged: ledger.acknowledged, reports: ledger.histories.size, answers: Object.fromEntries(ledger.answers) };
}
