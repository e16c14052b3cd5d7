import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useFastHashing } from '../server/auth/passwords.ts';
import { loadConfig } from '../server/config.ts';
import { DEMO_PASSWORD, seedDemo } from '../server/demo/seed.ts';
import { DEFAULT_WEIGHTS, scoreAgency } from '../server/domain/scoring.ts';
import { buildApp } from '../server/http/app.ts';
import type { App } from '../server/http/types.ts';
import { type TestDatabase, forEachDialect, freshDatabase } from './helpers/db.ts';

describe('the scoring rule', () => {
  const perfect = { due: 4, completedOnTime: 4, completedLate: 0, overdue: 0, reportsRequired: 6, reportsOnTime: 6, reportsSubmitted: 6, reportsAcceptedFirstTime: 6 };
  it('gives 100 to an agency that did everything on time, with the breakdown', () => {
    expect(scoreAgency(perfect)).toEqual({ completion: 40, timeliness: 30, reporting: 20, quality: 10, total: 100, band: 'Hoàn thành xuất sắc nhiệm vụ' });
  });
  it('charges each late or overdue item its share, and bands the total', () => {
    const s = scoreAgency({ ...perfect, completedOnTime: 2, completedLate: 1, overdue: 1, reportsOnTime: 3, reportsAcceptedFirstTime: 5 });
    expect(s).toMatchObject({ completion: 30, timeliness: 15, reporting: 10, quality: 8.3 });
    expect(s.total).toBe(63.3);
    expect(s.band).toBe('Hoàn thành nhiệm vụ');
    expect(scoreAgency({ ...perfect, completedOnTime: 0, overdue: 4, reportsOnTime: 0, reportsSubmitted: 0, reportsAcceptedFirstTime: 0 }, DEFAULT_WEIGHTS).band).toBe('Không hoàn thành nhiệm vụ');
  });
});

forEachDialect('agency ranking on the demo data', (dialect) => {
  let db: TestDatabase;
  let app: App;
  const cookies = new Map<string, string>();
  beforeAll(async () => {
    useFastHashing(true);
    db = await freshDatabase(dialect);
    await seedDemo(db.db);
    app = await buildApp({ db: db.db, dialect, config: loadConfig({ DATABASE_URL: 'sqlite::memory:', SESSION_SECRET: 'k'.repeat(40), DATA_DIR: '/tmp/namro-test-data' }) });
    for (const u of ['leader', 'agency.leader']) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: u, password: DEMO_PASSWORD } });
      cookies.set(u, `namro_session=${res.cookies.find((c) => c.name === 'namro_session')?.value ?? ''}`);
    }
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await db.close();
  });
  const get = (who: string, url: string) => app.inject({ method: 'GET', url, headers: { cookie: cookies.get(who) ?? '' } });

  it('ranks every agency for a month with the breakdown of each score', async () => {
    const res = await get('leader', '/api/scores?period=2025-06&directiveId=1');
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    const rows = res.json<{ rank: number; orgName: string; score: { completion: number; timeliness: number; reporting: number; quality: number; total: number; band: string } }[]>();
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.map((r) => r.rank)).toEqual(rows.map((_, i) => i + 1));
    for (let i = 1; i < rows.length; i++) expect(rows[i - 1]?.score.total ?? 0).toBeGreaterThanOrEqual(rows[i]?.score.total ?? 0);
    for (const r of rows) {
      const { completion, timeliness, reporting, quality, total } = r.score;
      expect(Math.abs(completion + timeliness + reporting + quality - total)).toBeLessThan(0.11);
      expect(['Hoàn thành xuất sắc nhiệm vụ', 'Hoàn thành tốt nhiệm vụ', 'Hoàn thành nhiệm vụ', 'Không hoàn thành nhiệm vụ']).toContain(r.score.band);
    }
    expect(rows.map((r) => r.orgName)).toContain('Sở Y tế');
  });

  it('shows an agency its own row and its history, not the others', async () => {
    const mine = (await get('agency.leader', '/api/scores?period=2025-06')).json<{ orgName: string; rank: number }[]>();
    expect(mine.map((r) => r.orgName)).toEqual(['Sở Y tế']);
    const me = await app.inject({ method: 'GET', url: '/api/me', headers: { cookie: cookies.get('agency.leader') ?? '' } });
    const orgId = me.json<{ user: { orgId: number } }>().user.orgId;
    const history = (await get('agency.leader', `/api/scores/history?orgId=${orgId}&from=2025-03&to=2025-08`)).json<{ period: string; score: { total: number } | null }[]>();
    expect(history.map((h) => h.period)).toEqual(['2025-03', '2025-04', '2025-05', '2025-06', '2025-07', '2025-08']);
    expect(history.every((h) => h.score !== null)).toBe(true);
    expect((await get('agency.leader', `/api/scores/history?orgId=${orgId + 1}&from=2025-03&to=2025-04`)).statusCode).toBe(403);
    expect((await get('leader', '/api/scores?period=2025-13')).statusCode).toBe(400);
  });
});
