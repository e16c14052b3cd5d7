import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../server/db/connection.ts';
import { ERROR_CATALOGUE } from '../../server/errors.ts';
import { FAULT_SECRET, seedDatabaseAt } from './fault-seed.ts';
import { freePort, waitFor } from './fault-utils.ts';
import type { PrivateCluster, StopMode } from './pg-cluster.ts';
import { consistencyProblems, ledgerProblems } from './report-checks.ts';
import { type Answer, call, draftOnce, ReportLedger, runWorkload } from './report-workload.ts';
import { killHard, type ServerProcess, startServerProcess } from './server-process.ts';

export interface PgRestartOptions {
  agencies: number;
  readers: number;
  /** Acknowledged writes that prove the server works (before the faults, and again after each). */
  ackStep: number;
  /** How long PostgreSQL stays stopped while the clients keep going. */
  downMs: number;
  /** Restarts under load, in order (e.g. fast then immediate); the whole list runs `cycles` times. */
  restarts: StopMode[];
  cycles?: number;
}

export interface PgRestartResult {
  problems: string[];
  acknowledged: number;
  answers: Record<string, number>;
  /** What a read, a write and the health check answered while the database was down. */
  whileDown: { read: Answer; write: Answer; health: Answer };
}

/** A clear, retryable refusal: 503 database_unavailable with Retry-After and the Vietnamese message. */
export function unavailableProblems(label: string, a: Answer): string[] {
  const want = ERROR_CATALOGUE.database_unavailable;
  const problems: string[] = [];
  if (a.status !== want.status || a.code !== 'database_unavailable') problems.push(`${label}: answered ${a.status} ${a.code} (${a.message})`);
  else {
    if (!a.retryAfter) problems.push(`${label}: no Retry-After header`);
    if (a.message !== want.vi) problems.push(`${label}: message "${a.message}"`);
  }
  return problems;
}

/**
 * A real server process on a private cluster while clients read and write: PostgreSQL is stopped (the
 * server must answer 503 database_unavailable, not 500, and stay up), started, then restarted under load
 * with each stop mode. The same process must serve again each time, and every acknowledged write be kept.
 */
export async function runPostgresRestart(cluster: PrivateCluster, opts: PgRestartOptions): Promise<PgRestartResult> {
  const problems: string[] = [];
  const seed = await seedDatabaseAt({ dialect: 'postgres', url: cluster.url() }, opts.agencies);
  const dataDir = mkdtempSync(join(tmpdir(), 'namro-pg-restart-'));
  const ledger = new ReportLedger();
  let server: ServerProcess | undefined;
  try {
    // The scheduler runs too: its jobs meet the same lost connections and must not take the process down.
    server = await startServerProcess({ DATABASE_URL: cluster.url(), DATA_DIR: dataDir, SESSION_SECRET: FAULT_SECRET, SCHEDULER: 'on' }, await freePort());
    const live = server;
    const pid = live.child.pid;
    const stop = { now: false };
    const workload = { url: live.url, ledger, stop };
    const work = runWorkload(workload, seed, opts.readers);
    const progress = async (label: string) => {
      const target = ledger.acknowledged + opts.ackStep;
      if (!(await waitFor(() => ledger.acknowledged >= target || live.child.exitCode !== null, 60_000))) problems.push(`${label}: writes did not resume within 60 s`);
      if (live.child.exitCode !== null) throw new Error(`${label}: the server process exited (${live.child.exitCode}):\n${live.output().slice(-3000)}`);
    };
    await progress('before any fault');

    await cluster.stop('fast');
    // The pool may still hold a connection that has not noticed yet: wait for the first refusal.
    if (!(await waitFor(async () => (await call(live.url, seed.coordinatorToken, 'GET', '/api/reports?pageSize=5&page=1')).status === 503, 15_000))) {
      problems.push('database down: no 503 within 15 s');
    }
    const agency = seed.agencies[0];
    if (!agency) throw new Error('no agency');
    const whileDown = {
      read: await call(live.url, seed.coordinatorToken, 'GET', '/api/reports?pageSize=5&page=1'),
      write: await draftOnce(workload, agency),
      health: await call(live.url, seed.coordinatorToken, 'GET', '/api/health'),
    };
    for (const [label, a] of Object.entries(whileDown)) problems.push(...unavailableProblems(`database down, ${label}`, a));
    await new Promise((r) => setTimeout(r, opts.downMs));
    await cluster.start();
    await progress('after PostgreSQL started again');

    for (let c = 0; c < (opts.cycles ?? 1); c++) {
      for (const mode of opts.restarts) {
        await cluster.restart(mode);
        await progress(`after pg_ctl restart -m ${mode}`);
      }
    }
    stop.now = true;
    await work;
    if (live.child.pid !== pid || live.child.exitCode !== null) problems.push('the server process did not survive');

    const unexpected = ledger.unexpectedAnswers((k) => /^(read|write) (200|503 database_unavailable)$/.test(k));
    if (unexpected.length) problems.push(`unexpected answers: ${unexpected.join(', ')}`);
    const check = openDatabase({ dialect: 'postgres', url: cluster.url() }, { poolSize: 2 });
    try {
      const ids = seed.agencies.map((a) => a.assignmentId);
      problems.push(...(await ledgerProblems(check.db, ledger, ids)), ...(await consistencyProblems(check.db, ids)));
    } finally {
      await check.close();
    }
    return { problems, acknowledged: ledger.acknowledged, answers: Object.fromEntries(ledger.answers), whileDown };
  } finally {
    if (server) await killHard(server);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
