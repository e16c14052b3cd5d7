import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Dialect } from '../server/db/connection.ts';
import { forEachDialect, freshDatabase, type TestDatabase } from './helpers/db.ts';
import { runReportCrashLoop } from './helpers/report-crash-loop.ts';

// Fast version; `npm run bench:faults` runs the same loop with more rounds, agencies and heavier reports.
forEachDialect('SIGKILL during concurrent report submissions', (dialect: Dialect) => {
  let pg: TestDatabase | undefined;
  beforeAll(async () => {
    if (dialect === 'postgres') pg = await freshDatabase('postgres');
  }, 60_000);
  afterAll(async () => {
    await pg?.close();
  });

  it('keeps every acknowledged draft and submission, and consistent reporting tables, across kill -9 and restart', async () => {
    const result = await runReportCrashLoop({ dialect, ...(pg ? { postgresUrl: pg.url } : {}), rounds: 3, agencies: 4, readers: 1, acksPerRound: 12, maxKillDelayMs: 600 });
    expect(result.problems, `seed ${result.seed}`).toEqual([]);
    expect(result.acknowledged).toBeGreaterThanOrEqual(36);
  }, 120_000);
});
