import { afterAll, beforeAll, expect, it } from 'vitest';
import { refreshAllStatuses, refreshTaskStatus, tasksTheClockMayChange } from '../server/assignments/status.ts';
import { useFastHashing } from '../server/auth/passwords.ts';
import { addDays } from '../server/domain/time.ts';
import { loadCalendar } from '../server/settings/service.ts';
import { generateDataset } from '../bench/generate/dataset.ts';
import { SCALES } from '../bench/generate/scales.ts';
import { postgresSink, sqliteSink } from '../bench/generate/sink.ts';
import { TEST_DATABASE_URL, forEachDialect, freshDatabase, type TestDatabase } from './helpers/db.ts';

// A small generated province: 300 tasks, ~750 assignments, twelve months of reports.
const SMALL = { ...SCALES.S, tasks: 300, communesPerProvince: 20 };
const DAY0 = '2026-03-02';

async function classes(db: TestDatabase) {
  const rows = await db.db.selectFrom('assignments').select(['id', 'status_class']).orderBy('id').execute();
  return new Map(rows.map((r) => [r.id, r.status_class]));
}

forEachDialect('the daily status pass recomputes only what the clock moves', (dialect) => {
  let db: TestDatabase;
  beforeAll(async () => {
    useFastHashing(true);
    db = await freshDatabase(dialect);
    const sink = dialect === 'sqlite' ? sqliteSink(db.url.slice('sqlite:'.length)) : await postgresSink(TEST_DATABASE_URL, db.schema ?? 'public');
    await generateDataset(sink, SMALL, DAY0);
    await sink.close();
  }, 120_000);
  afterAll(async () => {
    await db?.close();
  });

  it('after six weeks of daily passes, a full recompute of every task changes nothing', async () => {
    let candidatesPerDay = 0;
    for (let day = 1; day <= 42; day++) candidatesPerDay += await refreshAllStatuses(db.db, addDays(DAY0, day));
    const today = addDays(DAY0, 42);
    const before = await classes(db);
    const calendar = await loadCalendar(db.db);
    const taskIds = (await db.db.selectFrom('tasks').select('id').execute()).map((t) => t.id);
    await db.db.transaction().execute(async (trx) => {
      for (const id of taskIds) await refreshTaskStatus(trx, id, today, calendar);
    });
    const after = await classes(db);
    const differing = [...after].filter(([id, cls]) => before.get(id) !== cls);
    expect(differing).toEqual([]);
    // The pass is selective: far fewer tasks a day than the 300 there are.
    expect(candidatesPerDay / 42).toBeLessThan(taskIds.length / 2);
    expect(before.size).toBeGreaterThan(600);
  });

  it('takes an assignment that just fell due, and leaves one due next year alone', async () => {
    const today = addDays(DAY0, 60);
    const [soon] = await db.db.selectFrom('assignments').select(['task_id']).where('state', '=', 'open').where('due_on', '=', addDays(today, -1)).limit(1).execute();
    const [far] = await db.db.selectFrom('assignments').select(['task_id']).where('state', '=', 'open').where('due_on', '>', addDays(today, 200)).limit(1).execute();
    const candidates = new Set(await tasksTheClockMayChange(db.db, today, 7));
    if (soon) expect(candidates.has(soon.task_id)).toBe(true);
    expect(far).toBeDefined();
    const farTaskAssignments = await db.db.selectFrom('assignments').select(['due_on', 'status_class', 'state']).where('task_id', '=', far?.task_id ?? 0).execute();
    // A task is a candidate only through one of its assignments; if all are far or settled, it is left alone.
    const anyNear = farTaskAssignments.some((a) => a.state === 'open' && ((a.due_on !== null && a.due_on <= addDays(today, 23)) || a.status_class === 'due_soon'));
    expect(candidates.has(far?.task_id ?? 0)).toBe(anyNear);
  });
});
