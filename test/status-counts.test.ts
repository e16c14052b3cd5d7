import type { Kysely } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { refreshAllStatuses } from '../server/assignments/status.ts';
import { actorForUser } from '../server/auth/sessions.ts';
import { useFastHashing } from '../server/auth/passwords.ts';
import type { Database } from '../server/db/types.ts';
import { seedDemo } from '../server/demo/seed.ts';
import { addDays } from '../server/domain/time.ts';
import { countsFromCounters, countsFromSnapshot, MAX_DIRECTIVES } from '../server/dashboard/counts.ts';
import { monthEndByStatus, recordMonthEnd } from '../server/dashboard/month-end.ts';
import { countByStatus, type OrgFilter, snapshot } from '../server/dashboard/snapshot.ts';
import { applyTaskUpdate } from '../server/tasks/service.ts';
import { generateDataset } from '../bench/generate/dataset.ts';
import { SCALES } from '../bench/generate/scales.ts';
import { postgresSink, sqliteSink } from '../bench/generate/sink.ts';
import { TEST_DATABASE_URL, forEachDialect, freshDatabase, type TestDatabase } from './helpers/db.ts';

/** The counters the triggers keep, and the same figures counted from the assignment rows. */
async function countsAndTruth(db: Kysely<Database>) {
  const key = (...parts: (string | number)[]) => parts.join('|');
  const [byDirective, byOrg, tasks, truthDirective, truthOrg, truthTasks, byBoth, truthBoth, latest, truthLatest] = await Promise.all([
    db.selectFrom('directive_status_counts').selectAll().where('n', '<>', 0).execute(),
    db.selectFrom('org_status_counts').selectAll().where('n', '<>', 0).execute(),
    db.selectFrom('directive_task_counts').selectAll().where('tasks', '<>', 0).execute(),
    db
      .selectFrom('assignments as a')
      .innerJoin('tasks as t', 't.id', 'a.task_id')
      .select(['t.directive_id', 'a.status_class'])
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('a.state', '<>', 'cancelled')
      .groupBy(['t.directive_id', 'a.status_class'])
      .execute(),
    db.selectFrom('assignments').select(['org_id', 'status_class']).select((eb) => eb.fn.countAll<number>().as('n')).where('state', '<>', 'cancelled').groupBy(['org_id', 'status_class']).execute(),
    db
      .selectFrom('assignments as a')
      .innerJoin('tasks as t', 't.id', 'a.task_id')
      .select('t.directive_id')
      .select((eb) => eb.fn.count<number>('a.task_id').distinct().as('tasks'))
      .where('a.state', '<>', 'cancelled')
      .groupBy('t.directive_id')
      .execute(),
    db.selectFrom('directive_org_status_counts').selectAll().where('n', '<>', 0).execute(),
    db
      .selectFrom('assignments as a')
      .innerJoin('tasks as t', 't.id', 'a.task_id')
      .select(['t.directive_id', 'a.org_id', 'a.status_class'])
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('a.state', '<>', 'cancelled')
      .groupBy(['t.directive_id', 'a.org_id', 'a.status_class'])
      .execute(),
    db.selectFrom('indicators').select(['id', 'latest_value_id', 'latest_value_number']).execute(),
    // The latest period's value that was not returned; the last entered on a tie.
    db
      .selectFrom('indicator_values as v')
      .innerJoin('reporting_periods as p', 'p.id', 'v.period_id')
      .select(['v.indicator_id', 'v.id', 'v.value_number', 'p.starts_on'])
      .where('v.state', '<>', 'returned')
      .orderBy('p.starts_on')
      .orderBy('v.id')
      .execute(),
  ]);
  const latestTruth = new Map<number, { id: number; value_number: number | null }>();
  for (const v of truthLatest) latestTruth.set(v.indicator_id, v);
  const asMap = <T,>(rows: T[], k: (r: T) => string, v: (r: T) => number) => Object.fromEntries(rows.map((r) => [k(r), Number(v(r))]));
  return {
    counters: {
      directive: asMap(byDirective, (r) => key(r.directive_id, r.status_class), (r) => r.n),
      org: asMap(byOrg, (r) => key(r.org_id, r.status_class), (r) => r.n),
      tasks: asMap(tasks, (r) => key(r.directive_id), (r) => r.tasks),
      both: asMap(byBoth, (r) => key(r.directive_id, r.org_id, r.status_class), (r) => r.n),
      latest: asMap(latest.filter((r) => r.latest_value_id !== null), (r) => key(r.id), (r) => r.latest_value_id ?? 0),
      latestNumber: asMap(latest.filter((r) => r.latest_value_number !== null), (r) => key(r.id), (r) => r.latest_value_number ?? 0),
    },
    truth: {
      directive: asMap(truthDirective, (r) => key(r.directive_id, r.status_class), (r) => r.n),
      org: asMap(truthOrg, (r) => key(r.org_id, r.status_class), (r) => r.n),
      tasks: asMap(truthTasks, (r) => key(r.directive_id), (r) => r.tasks),
      both: asMap(truthBoth, (r) => key(r.directive_id, r.org_id, r.status_class), (r) => r.n),
      latest: Object.fromEntries([...latestTruth].map(([id, v]) => [key(id), v.id])),
      latestNumber: Object.fromEntries([...latestTruth].filter(([, v]) => v.value_number !== null).map(([id, v]) => [key(id), v.value_number])),
    },
  };
}

async function expectInStep(db: Kysely<Database>) {
  const { counters, truth } = await countsAndTruth(db);
  expect(Object.keys(truth.directive).length).toBeGreaterThan(3);
  expect(counters).toEqual(truth);
}

forEachDialect('status counters kept in step by the database', (dialect) => {
  let generated: TestDatabase;
  let demo: TestDatabase;
  beforeAll(async () => {
    useFastHashing(true);
    [generated, demo] = await Promise.all([freshDatabase(dialect), freshDatabase(dialect)]);
    // Bulk loads: batched inserts on SQLite, COPY on PostgreSQL.
    const sink = dialect === 'sqlite' ? sqliteSink(generated.url.slice('sqlite:'.length)) : await postgresSink(TEST_DATABASE_URL, generated.schema ?? 'public');
    await generateDataset(sink, { ...SCALES.S, tasks: 200, communesPerProvince: 10 }, '2026-03-02');
    await sink.close();
    await seedDemo(demo.db);
  }, 180_000);
  afterAll(async () => {
    await Promise.all([generated?.close(), demo?.close()]);
  });

  it('after a bulk load and a month of daily passes', async () => {
    await expectInStep(generated.db);
    expect(Object.keys((await countsAndTruth(generated.db)).truth.latest).length).toBeGreaterThan(10);
    for (let day = 1; day <= 30; day += 3) await refreshAllStatuses(generated.db, addDays('2026-03-02', day));
    await expectInStep(generated.db);
  });

  it('through imports, reports, reviews, completions, extensions, and leads changed, removed and restored', async () => {
    await expectInStep(demo.db);
    const coordinator = await demo.db.selectFrom('users').selectAll().where('username', '=', 'coordinator').executeTakeFirstOrThrow();
    const actor = await actorForUser(demo.db, coordinator, 'system');
    // Tasks of a plan the coordinator follows with several assignments, one with reports (cancelled, not deleted).
    const tasks = await demo.db
      .selectFrom('tasks')
      .innerJoin('directives', 'directives.id', 'tasks.directive_id')
      .select(['tasks.id'])
      .where('directives.coordinator_org_id', '=', coordinator.org_id)
      .orderBy('tasks.id')
      .limit(6)
      .execute();
    const orgs = await demo.db.selectFrom('orgs').select(['id', 'name']).where('kind', '=', 'department').orderBy('id').limit(3).execute();
    const [a, b, c] = orgs;
    if (!a || !b || !c) throw new Error('the demo has departments');
    for (const t of tasks) {
      await demo.db.transaction().execute((trx) => applyTaskUpdate(trx, actor, t.id, { leads: [{ name: a.name, orgId: a.id }, { name: b.name, orgId: b.id }] }));
    }
    await expectInStep(demo.db);
    for (const t of tasks) await demo.db.transaction().execute((trx) => applyTaskUpdate(trx, actor, t.id, { leads: [{ name: c.name, orgId: c.id }] }));
    await expectInStep(demo.db);
    for (const t of tasks) await demo.db.transaction().execute((trx) => applyTaskUpdate(trx, actor, t.id, { leads: [{ name: a.name, orgId: a.id }, { name: c.name, orgId: c.id }] }));
    await expectInStep(demo.db);
    await refreshAllStatuses(demo.db, '2026-01-15', { everyTask: true });
    await expectInStep(demo.db);
  });

  it('gives the dashboard the same figures from the counters as from the rows, and keeps a month-end', async () => {
    const db = generated.db;
    const province = (await db.selectFrom('orgs').select('id').where('code', '=', 'P01').executeTakeFirstOrThrow()).id;
    const orgs = (await db.selectFrom('orgs').select('id').where('parent_id', '=', province).execute()).map((o) => o.id);
    const directive = (await db.selectFrom('directives').select('id').orderBy('id').limit(1).executeTakeFirstOrThrow()).id;
    const cases: [OrgFilter, { directiveId?: number }][] = [
      ['all', {}],
      ['all', { directiveId: directive }],
      [[province, ...orgs], {}],
      [orgs.slice(0, 3), { directiveId: directive }],
      [[], {}],
    ];
    const sorted = (ids: number[] | undefined) => [...(ids ?? [])].sort((a, b) => a - b);
    for (const [filter, q] of cases) {
      const fromCounters = await countsFromCounters(db, filter, q);
      const fromRows = await countsFromSnapshot(db, snapshot(db, filter, q, { date: '2026-03-31', live: true }, 7));
      // The whole country's directives are counted by the database and only the newest read; a scope reads them all.
      const { directiveIds, ...figures } = fromCounters;
      expect(figures).toEqual({ ...fromRows, directiveIds: undefined });
      if (filter !== 'all') expect(sorted(directiveIds)).toEqual(sorted(fromRows.directiveIds));
      expect(figures.shown.length).toBe(Math.min(figures.directiveCount, MAX_DIRECTIVES));
    }
    const rebuilt = await countByStatus(db, snapshot(db, 'all', {}, { date: '2026-02-28', live: false }, 7));
    expect(await monthEndByStatus(db, '2026-02-28', 'all')).toBeNull();
    expect(await recordMonthEnd(db, '2026-02-28')).toBeGreaterThan(0);
    expect(await recordMonthEnd(db, '2026-02-28')).toBe(0); // once
    expect(await monthEndByStatus(db, '2026-02-28', 'all')).toEqual(rebuilt);
    const scoped = await countByStatus(db, snapshot(db, orgs, {}, { date: '2026-02-28', live: false }, 7));
    expect(await monthEndByStatus(db, '2026-02-28', orgs)).toEqual(scoped);
  });

  it("follows an indicator's latest value when one is returned or entered again", async () => {
    const latest = await generated.db.selectFrom('indicators').select(['id', 'latest_value_id']).where('latest_value_id', 'is not', null).orderBy('id').limit(3).execute();
    expect(latest.length).toBe(3);
    const ids = latest.map((l) => l.latest_value_id ?? 0);
    await generated.db.updateTable('indicator_values').set({ state: 'returned' }).where('id', 'in', ids).execute();
    await expectInStep(generated.db);
    await generated.db.updateTable('indicator_values').set({ state: 'entered' }).where('id', '=', ids[0] ?? 0).execute();
    await expectInStep(generated.db);
    // A number corrected in place (its state unchanged): the colour follows it.
    await generated.db.updateTable('indicator_values').set({ value_number: 123_456.5 }).where('id', '=', ids[0] ?? 0).execute();
    await expectInStep(generated.db);
    const corrected = await generated.db.selectFrom('indicators').select('latest_value_number').where('id', '=', latest[0]?.id ?? 0).executeTakeFirstOrThrow();
    expect(corrected.latest_value_number).toBe(123_456.5);
  });
});
