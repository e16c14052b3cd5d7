import { afterAll, beforeAll, expect, it } from 'vitest';
import { createPrivateCluster, type PrivateCluster } from './helpers/pg-cluster.ts';
import { runPostgresRestart } from './helpers/pg-restart-scenario.ts';

// A private cluster (never the shared one on :5432): the test stops and restarts it. Fast version; the long one
// is in `npm run bench:faults`.
let cluster: PrivateCluster | undefined;

beforeAll(async () => {
  cluster = await createPrivateCluster();
}, 120_000);

afterAll(async () => {
  await cluster?.destroy();
}, 60_000);

it('answers 503 database_unavailable while PostgreSQL is down and serves again, in the same process, after it returns', async () => {
  if (!cluster) throw new Error('no cluster');
  const result = await runPostgresRestart(cluster, { agencies: 4, readers: 2, ackStep: 10, downMs: 1500, restarts: ['fast', 'immediate'] });
  expect(result.problems, `${JSON.stringify(result.answers)}\n${cluster.log()}`).toEqual([]);
  expect(result.whileDown.write.status).toBe(503);
  expect(result.answers['write 200']).toBeGreaterThan(30);
}, 120_000);
