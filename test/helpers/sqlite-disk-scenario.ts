import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { openDatabase } from '../../server/db/connection.ts';
import { ERROR_CATALOGUE } from '../../server/errors.ts';
import { FAULT_SECRET, seedDatabaseAt } from './fault-seed.ts';
import { freePort } from './fault-utils.ts';
import { filesUnder, uploadFile } from './file-upload.ts';
import { FaultProbe, refusalProblems, serverErrors } from './fault-probes.ts';
import { consistencyProblems, ledgerProblems, sqliteFileProblems } from './report-checks.ts';
import { ReportLedger } from './report-workload.ts';
import { killHard, type ServerProcess, startServerProcess } from './server-process.ts';
import type { Tmpfs } from './tmpfs.ts';

export interface DiskVolumes {
  /** DATA_DIR, with the SQLite database. */
  data: Tmpfs;
  /** DATA_DIR/files, the uploaded files (a volume of its own, so it can turn read-only under a running server). */
  files: Tmpfs;
}

export interface DiskOptions {
  agencies: number;
  /** Report writes tried on the full disk before giving up waiting for the refusal. */
  maxAttempts: number;
  /** Space left free when the data volume is filled: some writes still fit, then one fails part-way. */
  headroomBytes: number;
  /** Writes and reads after the disk was freed, to prove the server recovered. */
  rounds: number;
  /** How the server stops before its data volume turns read-only: cleanly (no WAL left), killed (WAL left), or both. */
  readOnlyAfter: ('SIGTERM' | 'SIGKILL')[];
}

export interface DiskResult {
  problems: string[];
  acknowledged: number;
  answers: Record<string, number>;
  refusals: Partial<Record<'reportFull' | 'uploadFull' | 'uploadReadOnly' | 'bootReadOnly', string>>;
}

/**
 * A server on SQLite whose data volume fills up, then whose files volume turns read-only while it runs, and
 * which is restarted onto a read-only data volume: each time clear refusals (storage_full 507,
 * storage_read_only 503, a plain boot message), reads keep working, no half-written file, and once the
 * space is back every acknowledged write is there and the database is intact.
 */
export async function runSqliteDiskFaults(volumes: DiskVolumes, opts: DiskOptions): Promise<DiskResult> {
  const { data, files } = volumes;
  const path = join(data.path, 'namro.db');
  const problems: string[] = [];
  const refusals: DiskResult['refusals'] = {};
  const ledger = new ReportLedger();
  const logs: string[] = [];
  const seed = await seedDatabaseAt({ dialect: 'sqlite', path }, opts.agencies);
  const env = { DATABASE_URL: `sqlite:${path}`, DATA_DIR: data.path, SESSION_SECRET: FAULT_SECRET, SCHEDULER: 'off' };
  const port = await freePort();
  let server: ServerProcess = await startServerProcess(env, port);
  const probe = new FaultProbe(server.url, seed, ledger, problems);
  const token = probe.agencyAt(0).staffToken;
  const upload = async (label: string, expect: number) => {
    const bytes = randomBytes(64 * 1024);
    const sha = createHash('sha256').update(bytes).digest('hex');
    const answer = await uploadFile(server.url, token, bytes, 'bang-chung.pdf');
    ledger.note('write', answer);
    if (answer.status !== expect) problems.push(`${label}: upload answered ${answer.status} ${answer.code} (${answer.message})`);
    const left = filesUnder(files.path).filter((f) => f.includes(sha) || f.endsWith('.tmp'));
    if (expect !== 201 && left.length) problems.push(`${label}: refused upload left ${left.join(', ')}`);
    if (expect === 201 && answer.status === 201) {
      const id = (answer.body as { id: number }).id;
      const res = await fetch(`${server.url}/api/files/${id}`, { headers: { authorization: `Bearer ${token}` } });
      const back = Buffer.from(await res.arrayBuffer());
      if (!back.equals(bytes)) problems.push(`${label}: the uploaded file reads back different (${res.status}, ${back.length} bytes)`);
    }
    return answer;
  };

  try {
    await probe.writesWork('before any fault', opts.rounds);
    await upload('before any fault', 201);

    // 1. The disks fill up under a running server.
    data.fill(opts.headroomBytes);
    files.fill();
    const full = await probe.writeUntilRefused(opts.maxAttempts);
    problems.push(...refusalProblems('disk full, report write', full, 'storage_full'));
    refusals.reportFull = full?.message;
    await probe.reads('disk full');
    const uploadFull = await upload('disk full', ERROR_CATALOGUE.storage_full.status);
    problems.push(...refusalProblems('disk full, upload', uploadFull, 'storage_full'));
    refusals.uploadFull = uploadFull.message;
    data.free();
    files.free();
    await probe.writesWork('after space was freed', opts.rounds);
    await probe.reads('after space was freed');
    await upload('after space was freed', 201);

    // 2. The files volume turns read-only under the running server (nothing holds a file open there).
    files.remount('ro');
    const uploadRo = await upload('files volume read-only', ERROR_CATALOGUE.storage_read_only.status);
    problems.push(...refusalProblems('files volume read-only, upload', uploadRo, 'storage_read_only'));
    refusals.uploadReadOnly = uploadRo.message;
    await probe.reads('files volume read-only');
    files.remount('rw');
    await upload('files volume writable again', 201);

    // 3. The data volume turns read-only. The kernel refuses that while SQLite holds its files open for
    // writing, so the server is stopped first (cleanly, then after a crash) and started onto it.
    for (const stop of opts.readOnlyAfter) {
      logs.push(server.output());
      const exited = new Promise((r) => server.child.once('exit', r));
      server.child.kill(stop);
      await exited;
      data.remount('ro');
      try {
        const wrongly = await startServerProcess(env, port);
        problems.push(`read-only data volume after ${stop}: the server started`);
        await killHard(wrongly);
      } catch (err) {
        const out = String((err as Error).message);
        if (!out.includes('chế độ chỉ đọc') || /SqliteError|\bat \w/.test(out)) problems.push(`read-only data volume after ${stop}: unclear boot failure:\n${out.slice(0, 1500)}`);
        refusals.bootReadOnly = out.split('\n').find((l) => l.includes('chỉ đọc'));
      } finally {
        data.remount('rw');
      }
      server = await startServerProcess(env, port);
      probe.url = server.url;
      await probe.writesWork(`read-write again after ${stop}`, opts.rounds);
      await probe.reads(`read-write again after ${stop}`);
    }
  } finally {
    await killHard(server);
    logs.push(server.output());
  }
  problems.push(...sqliteFileProblems(path));
  const check = openDatabase({ dialect: 'sqlite', path });
  try {
    const ids = seed.agencies.map((a) => a.assignmentId);
    problems.push(...(await ledgerProblems(check.db, ledger, ids)), ...(await consistencyProblems(check.db, ids)));
  } finally {
    await check.close();
  }
  const unexpected = ledger.unexpectedAnswers((k) => /^read 200$|^write (200|201|507 storage_full|503 storage_read_only)$/.test(k));
  if (unexpected.length) problems.push(`unexpected answers: ${unexpected.join(', ')}`, ...serverErrors(logs));
  return { problems, acknowledged: ledger.acknowledged, answers: Object.fromEntries(ledger.answers), refusals };
}
