import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrivateCluster, type PrivateCluster } from './helpers/pg-cluster.ts';
import { runPostgresDiskFull } from './helpers/pg-disk-scenario.ts';
import { runSqliteDiskFaults } from './helpers/sqlite-disk-scenario.ts';
import { mountTmpfs, type Tmpfs } from './helpers/tmpfs.ts';

// Needs root (mount -t tmpfs, a private PostgreSQL cluster), as CI has: a refused mount fails the test with
// the reason, never skips it. Fast version; `npm run bench:faults` runs the same with more rounds.
const MiB = 1024 * 1024;
let root: string;
const mounted: Tmpfs[] = [];
let cluster: PrivateCluster | undefined;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'namro-disk-'));
  chmodSync(root, 0o755); // the postgres OS user must reach its tablespace below
});

afterAll(async () => {
  await cluster?.destroy(); // PostgreSQL holds files in its tablespace volume open
  // Inner mounts first; a volume left read-only or full by a failed test unmounts all the same.
  for (const m of mounted.reverse()) m.unmount();
  rmSync(root, { recursive: true, force: true });
}, 60_000);

describe('SQLite', () => {
  let data: Tmpfs;
  let files: Tmpfs;
  beforeAll(() => {
    data = mountTmpfs(join(root, 'data'), 12 * MiB);
    mounted.push(data);
    files = mountTmpfs(join(root, 'data', 'files'), 2 * MiB);
    mounted.push(files);
  });

  it('a full disk and read-only volumes give clear refusals, reads go on, nothing is lost or half-written', async () => {
    const result = await runSqliteDiskFaults({ data, files }, { agencies: 3, maxAttempts: 200, rounds: 3, headroomBytes: 256 * 1024, readOnlyAfter: ['SIGKILL'] });
    expect(result.problems, JSON.stringify(result.answers)).toEqual([]);
    expect(result.answers['write 507 storage_full']).toBeGreaterThan(0);
  }, 120_000);
});

describe('PostgreSQL', () => {
  let volume: Tmpfs;
  beforeAll(async () => {
    volume = mountTmpfs(join(root, 'pg-tablespace'), 24 * MiB);
    mounted.push(volume);
    cluster = await createPrivateCluster();
  }, 120_000);

  it('a full tablespace (53100) answers storage_full, reads go on, writes resume once space is freed', async () => {
    if (!cluster) throw new Error('no cluster');
    const result = await runPostgresDiskFull(cluster, volume, { agencies: 3, maxAttempts: 200, rounds: 3, headroomBytes: 64 * 1024 });
    expect(result.problems, `${JSON.stringify(result.answers)}\n${cluster.log()}`).toEqual([]);
    expect(result.answers['write 507 storage_full']).toBeGreaterThan(0);
  }, 120_000);
});
