import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase } from '../../server/db/connection.ts';
import { FAULT_SECRET, seedDatabaseAt } from './fault-seed.ts';
import { freePort } from './fault-utils.ts';
import { FaultProbe, refusalProblems, serverErrors } from './fault-probes.ts';
import { type PrivateCluster, postgresOwnedDir } from './pg-cluster.ts';
import { consistencyProblems, ledgerProblems } from './report-checks.ts';
import { ReportLedger } from './report-workload.ts';
import { killHard, startServerProcess } from './server-process.ts';
import type { Tmpfs } from './tmpfs.ts';

export interface PgDiskOptions {
  agencies: number;
  maxAttempts: number;
  rounds: number;
  /** Space left free when the volume is filled: some writes still fit, then one fails part-way. */
  headroomBytes: number;
}

export interface PgDiskResult {
  problems: string[];
  acknowledged: number;
  answers: Record<string, number>;
  refusal: string | undefined;
}

/**
 * The application database lives in a tablespace on a small volume (the cluster's WAL stays elsewhere, as
 * on a server whose data disk fills up): once it is full PostgreSQL cannot extend a table (SQLSTATE 53100)
 * and the server must answer storage_full, keep serving reads, and write again once space is freed.
 */
export async function runPostgresDiskFull(cluster: PrivateCluster, volume: Tmpfs, opts: PgDiskOptions): Promise<PgDiskResult> {
  const location = postgresOwnedDir(join(volume.path, 'tablespace'));
  const admin = new pg.Client({ connectionString: cluster.url() });
  await admin.connect();
  try {
    await admin.query(`CREATE TABLESPACE small_disk LOCATION '${location}'`);
    await admin.query('CREATE DATABASE namro TABLESPACE small_disk');
  } finally {
    await admin.end();
  }
  const url = cluster.url('namro');
  const seed = await seedDatabaseAt({ dialect: 'postgres', url }, opts.agencies);
  const problems: string[] = [];
  const ledger = new ReportLedger();
  const dataDir = mkdtempSync(join(tmpdir(), 'namro-pg-disk-'));
  const server = await startServerProcess({ DATABASE_URL: url, DATA_DIR: dataDir, SESSION_SECRET: FAULT_SECRET, SCHEDULER: 'off' }, await freePort());
  let refusal: string | undefined;
  try {
    const probe = new FaultProbe(server.url, seed, ledger, problems);
    await probe.writesWork('before the disk filled', opts.rounds);
    volume.fill(opts.headroomBytes);
    const full = await probe.writeUntilRefused(opts.maxAttempts);
    problems.push(...refusalProblems('disk full, report write', full, 'storage_full'));
    refusal = full?.message;
    await probe.reads('disk full');
    volume.free();
    await probe.writesWork('after space was freed', opts.rounds);
    await probe.reads('after space was freed');
  } finally {
    await killHard(server);
    rmSync(dataDir, { recursive: true, force: true });
  }
  const check = openDatabase({ dialect: 'postgres', url }, { poolSize: 2 });
  try {
    const ids = seed.agencies.map((a) => a.assignmentId);
    problems.push(...(await ledgerProblems(check.db, ledger, ids)), ...(await consistencyProblems(check.db, ids)));
  } finally {
    await check.close();
  }
  const unexpected = ledger.unexpectedAnswers((k) => /^read 200$|^write (200|507 storage_full)$/.test(k));
  if (unexpected.length) problems.push(`unexpected answers: ${unexpected.join(', ')}`, ...serverErrors([server.output()]));
  return { problems, acknowledged: ledger.acknowledged, answers: Object.fromEntries(ledger.answers), refusal };
}
