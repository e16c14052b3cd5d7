/**
 * The long versions of the fault tests (the fast ones run in `npm test`: test/fault-*.test.ts):
 *   npm run bench:faults                              # everything (several minutes)
 *   npm run bench:faults -- --only crash,restart,disk # a selection
 *   npm run bench:faults -- --seed 12345              # replay the crash loop's kill schedule
 * Needs root: tmpfs mounts and private PostgreSQL clusters (never the shared one), all removed afterwards.
 * Prints what each part did and every problem found; exits 1 if there was any.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createPrivateCluster, type PrivateCluster } from '../test/helpers/pg-cluster.ts';
import { runPostgresDiskFull } from '../test/helpers/pg-disk-scenario.ts';
import { runPostgresRestart } from '../test/helpers/pg-restart-scenario.ts';
import { runReportCrashLoop } from '../test/helpers/report-crash-loop.ts';
import { runSqliteDiskFaults } from '../test/helpers/sqlite-disk-scenario.ts';
import { mountTmpfs, type Tmpfs } from '../test/helpers/tmpfs.ts';

const { values } = parseArgs({ options: { only: { type: 'string', default: 'crash,restart,disk' }, seed: { type: 'string' } } });
const parts = new Set((values.only ?? '').split(',').map((p) => p.trim()));
const seed = values.seed === undefined ? undefined : Number(values.seed);
const MiB = 1024 * 1024;

interface Outcome {
  problems: string[];
  acknowledged: number;
  answers: Record<string, number>;
}

let failed = false;
async function part(name: string, run: () => Promise<Outcome & { seed?: number }>): Promise<void> {
  const started = Date.now();
  process.stdout.write(`\n▶ ${name}\n`);
  try {
    const r = await run();
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`  ${seconds} s, ${r.acknowledged} writes acknowledged${r.seed === undefined ? '' : `, seed ${r.seed}`}`);
    console.log(`  answers: ${Object.entries(r.answers).map(([k, n]) => `${k} ×${n}`).join(', ')}`);
    if (r.problems.length) {
      failed = true;
      for (const p of r.problems.slice(0, 50)) console.log(`  ✗ ${p}`);
    } else console.log('  ✓ no problem');
  } catch (err) {
    failed = true;
    console.log(`  ✗ ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  }
}

async function withCluster<T>(run: (c: PrivateCluster) => Promise<T>): Promise<T> {
  const cluster = await createPrivateCluster();
  try {
    return await run(cluster);
  } finally {
    await cluster.destroy();
  }
}

async function withVolumes<T>(sizes: Record<string, number>, run: (volumes: Record<string, Tmpfs>, root: string) => Promise<T>): Promise<T> {
  const root = mkdtempSync(join(tmpdir(), 'namro-bench-disk-'));
  chmodSync(root, 0o755);
  const mounted: Tmpfs[] = [];
  const volumes: Record<string, Tmpfs> = {};
  try {
    for (const [rel, size] of Object.entries(sizes)) {
      const volume = mountTmpfs(join(root, rel), size);
      mounted.push(volume);
      volumes[rel] = volume;
    }
    return await run(volumes, root);
  } finally {
    for (const m of mounted.reverse()) m.unmount();
    rmSync(root, { recursive: true, force: true });
  }
}

const crash = { rounds: 15, agencies: 8, readers: 2, acksPerRound: 40, maxKillDelayMs: 2000, contentChars: 4000, ...(seed === undefined ? {} : { seed }) };

if (parts.has('crash')) {
  await part('SIGKILL during report submissions, SQLite (15 rounds)', () => runReportCrashLoop({ dialect: 'sqlite', ...crash }));
  await part('SIGKILL during report submissions, PostgreSQL (15 rounds, private cluster)', () =>
    withCluster((c) => runReportCrashLoop({ dialect: 'postgres', postgresUrl: c.url(), ...crash })),
  );
}
if (parts.has('restart')) {
  await part('PostgreSQL stopped and restarted under load (5 × fast + immediate)', () =>
    withCluster((c) => runPostgresRestart(c, { agencies: 8, readers: 3, ackStep: 40, downMs: 5000, restarts: ['fast', 'immediate'], cycles: 5 })),
  );
}
if (parts.has('disk')) {
  await part('SQLite: full disk, read-only volumes', () =>
    withVolumes({ data: 32 * MiB, 'data/files': 4 * MiB }, (v) => {
      const data = v.data;
      const files = v['data/files'];
      if (!data || !files) throw new Error('volumes missing');
      return runSqliteDiskFaults({ data, files }, { agencies: 8, maxAttempts: 2000, rounds: 20, headroomBytes: 2 * MiB, readOnlyAfter: ['SIGTERM', 'SIGKILL'] });
    }),
  );
  await part('PostgreSQL: full tablespace (53100)', () =>
    withVolumes({ tablespace: 48 * MiB }, (v) =>
      withCluster((c) => {
        const volume = v.tablespace;
        if (!volume) throw new Error('volume missing');
        return runPostgresDiskFull(c, volume, { agencies: 8, maxAttempts: 2000, rounds: 20, headroomBytes: 2 * MiB });
      }),
    ),
  );
}
console.log(failed ? '\nProblems found.' : '\nAll fault runs passed.');
process.exit(failed ? 1 : 0);
