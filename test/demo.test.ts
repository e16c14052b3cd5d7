import { afterAll, beforeAll, expect, it } from 'vitest';
import { useFastHashing } from '../server/auth/passwords.ts';
import { seedDemo } from '../server/demo/seed.ts';
import { type TestDatabase, forEachDialect, freshDatabase } from './helpers/db.ts';

forEachDialect('demo data from the seed documents', (dialect) => {
  let db: TestDatabase;
  let summary: Awaited<ReturnType<typeof seedDemo>>;
  beforeAll(async () => {
    useFastHashing(true);
    db = await freshDatabase(dialect);
    summary = await seedDemo(db.db);
  }, 120_000);
  afterAll(async () => db.close());

  it('loads the province, five directives and their tasks', async () => {
    expect(summary).toMatchObject({ directives: 5, users: 9 });
    const plan = await db.db.selectFrom('directives').selectAll().where('number', '=', '726/KH-UBND').executeTakeFirstOrThrow();
    expect(plan).toMatchObject({ kind: 'plan', issued_on: '2025-02-20', reporting_day: 18, meeting_day: 23 });
    const tasks = await db.db.selectFrom('tasks').select(['ordinal', 'deadline_kind', 'due_on']).where('directive_id', '=', plan.id).orderBy('position').execute();
    expect(tasks).toHaveLength(81);
    expect(tasks[4]).toMatchObject({ ordinal: '5', deadline_kind: 'month', due_on: '2025-02-28' });
    const sections = await db.db.selectFrom('sections').select('code').where('directive_id', '=', plan.id).orderBy('position').execute();
    expect(sections.map((s) => s.code)).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X']);
    const indicators = await db.db.selectFrom('indicators').select(['code', 'target_operator', 'target_value']).where('directive_id', '=', plan.id).execute();
    expect(indicators.length).toBe(44);
    const links = await db.db.selectFrom('directive_links').select('implements_number').where('directive_id', '=', plan.id).execute();
    expect(links.map((l) => l.implements_number)).toEqual(expect.arrayContaining(['03/NQ-CP', '113-CTr/TU']));
    // The Office's sub-plan implements 726 and is linked to it.
    const sub = await db.db.selectFrom('directive_links').select('implements_id').where('implements_number', '=', '726/KH-UBND').execute();
    expect(sub.map((l) => l.implements_id)).toContain(plan.id);
  });

  it('resolves every lead of Plan 726 to an organisation, merged departments to their successors', async () => {
    const unresolved = await db.db
      .selectFrom('task_orgs')
      .innerJoin('tasks', 'tasks.id', 'task_orgs.task_id')
      .innerJoin('directives', 'directives.id', 'tasks.directive_id')
      .select('task_orgs.name_as_written')
      .where('directives.number', '=', '726/KH-UBND')
      .where('task_orgs.role', '=', 'lead')
      .where('task_orgs.org_id', 'is', null)
      .execute();
    expect(unresolved).toEqual([]);
    // Seed 000 names Sở Thông tin và Truyền thông (merged 1/3/2025): the work goes to Sở Khoa học và Công nghệ.
    const merged = await db.db
      .selectFrom('task_orgs')
      .innerJoin('orgs', 'orgs.id', 'task_orgs.org_id')
      .select(['orgs.name'])
      .where('task_orgs.name_as_written', 'in', ['Sở Thông tin và Truyền thông', 'sở Thông tin và Truyền thông'])
      .where('task_orgs.role', '=', 'lead')
      .execute();
    expect(merged.length).toBeGreaterThan(0);
    expect(new Set(merged.map((m) => m.name))).toEqual(new Set(['Sở Khoa học và Công nghệ']));
  });

  it('has months of reports, with statuses computed from them', async () => {
    expect(summary?.reports).toBeGreaterThan(500);
    const classes = await db.db.selectFrom('assignments').select('status_class').select((eb) => eb.fn.countAll<number>().as('n')).groupBy('status_class').execute();
    const byClass = Object.fromEntries(classes.map((c) => [c.status_class, Number(c.n)]));
    expect(byClass.completed_on_time).toBeGreaterThan(0);
    expect(byClass.completed_late).toBeGreaterThan(0);
    expect(byClass.overdue).toBeGreaterThan(0);
    expect(byClass.ongoing).toBeGreaterThan(0);
    const late = await db.db.selectFrom('progress_reports').select((eb) => eb.fn.countAll<number>().as('n')).where('late', '=', 1).executeTakeFirstOrThrow();
    expect(Number(late.n)).toBeGreaterThan(0);
  });

  it('does nothing when run a second time', async () => {
    expect(await seedDemo(db.db)).toBeNull();
  });
});
