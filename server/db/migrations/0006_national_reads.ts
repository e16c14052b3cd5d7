// Frozen in time: never edit after release; add a new migration instead.
import { type Kysely, PostgresAdapter, sql } from 'kysely';

type Db = Kysely<any>;

/**
 * Reads that grew with the country (measured on the national dataset: 20,000 indicators, 600,000
 * assignments, 6 million reports):
 * - each indicator's colour, kept in its row: its latest value's number beside the latest value's id (kept by the
 *   same triggers' update), and the colour a generated column over it and the target, indexed in the order the
 *   dashboard lists them (red, orange, grey, green). The dashboard no longer joins and judges 20,000 rows per view.
 *   The expression is assessIndicator (domain/indicator-progress.ts) in SQL; test/indicator-colour.test.ts holds
 *   the two to the same answer on both databases. A change of the rule is a new migration.
 * - the review desk finds a coordinator's waiting reports through their directives' periods, oldest first, from
 *   one index (the one on (period, state) is its prefix and goes);
 * - the open assignments due within 30 days are counted from an index alone;
 * - the task list filtered by status and ordered by due date (the country's overdue tasks, 42,000 of 200,000)
 *   is read along an index instead of sorting them all.
 */

/** red 0, orange 1, grey 2, green 3 — the dashboard's order of attention; same IEEE doubles as JavaScript. */
const COLOUR_RANK = (() => {
  const [op, t, a] = ['target_operator', 'target_value', 'latest_value_number'];
  const max = `coalesce(target_value_max, ${t})`;
  const w1 = `abs(${max} - ${t})`;
  const w2 = `abs(${t}) * 0.1`;
  const wider = `(case when ${w1} >= ${w2} then ${w1} else ${w2} end)`;
  const width = `(case when ${wider} >= 1e-9 then ${wider} else 1e-9 end)`;
  const off = `(case when ${a} < ${t} then ${t} - ${a} else ${a} - ${max} end)`;
  const gap = `(abs(${a} - ${t}) / (case when abs(${t}) = 0 then 1 else abs(${t}) end))`;
  const floor = (met: string) => `case when ${met} then 3 when ${t} > 0 and ${a} >= ${t} * 0.8 then 1 else 0 end`;
  const ceiling = (met: string, margin: string) => `case when ${met} then 3 when ${a} <= ${t} * ${margin} then 1 else 0 end`;
  return `case
    when ${a} is null or ${t} is null or ${op} = 'qualitative' then 2
    when ${op} = 'gte' then ${floor(`${a} >= ${t}`)}
    when ${op} = 'gt' then ${floor(`${a} > ${t}`)}
    when ${op} = 'lte' then ${ceiling(`${a} <= ${t}`, '1.2')}
    when ${op} = 'lt' then ${ceiling(`${a} < ${t}`, '1.2')}
    when ${op} = 'rank' then ${ceiling(`${a} <= ${t}`, '1.5')}
    when ${op} = 'range' then case when ${a} >= ${t} and ${a} <= ${max} then 3 when ${off} <= ${width} * 0.5 then 1 else 0 end
    when ${op} = 'eq' then case when ${gap} <= 0.05 then 3 when ${gap} <= 0.2 then 1 else 0 end
    else 2 end`;
})();

export async function up(db: Db): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema.alterTable('indicators').addColumn('latest_value_number', pg ? 'double precision' : 'real').execute();
  await sql`UPDATE indicators SET latest_value_number = (SELECT v.value_number FROM indicator_values v WHERE v.id = indicators.latest_value_id)`.execute(db);
  // SQLite adds a generated column only as VIRTUAL (computed when read, stored in the index); PostgreSQL only STORED.
  await db.schema
    .alterTable('indicators')
    .addColumn('colour_rank', 'integer', (c) => {
      const generated = c.generatedAlwaysAs(sql.raw(COLOUR_RANK));
      return pg ? generated.stored() : generated;
    })
    .execute();
  await db.schema.createIndex('indicators_colour_idx').on('indicators').columns(['colour_rank', 'directive_id', 'position']).execute();

  if (pg) {
    // The statement triggers of 0004 set latest_value_id; the number follows in the same row update.
    await sql`CREATE FUNCTION indicator_latest_number() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
      NEW.latest_value_number := (SELECT v.value_number FROM indicator_values v WHERE v.id = NEW.latest_value_id);
      RETURN NEW; END $$`.execute(db);
    await sql`CREATE TRIGGER indicator_latest_number BEFORE INSERT OR UPDATE OF latest_value_id ON indicators FOR EACH ROW EXECUTE FUNCTION indicator_latest_number()`.execute(db);
  } else {
    await sql`CREATE TRIGGER indicator_latest_number AFTER UPDATE OF latest_value_id ON indicators BEGIN
      UPDATE indicators SET latest_value_number = (SELECT v.value_number FROM indicator_values v WHERE v.id = NEW.latest_value_id) WHERE id = NEW.id; END`.execute(db);
    // A value's number corrected in place with its state unchanged: 0004's SQLite triggers watch other columns.
    await sql`CREATE TRIGGER indicator_latest_number_edit AFTER UPDATE OF value_number ON indicator_values BEGIN
      UPDATE indicators SET latest_value_number = NEW.value_number WHERE id = NEW.indicator_id AND latest_value_id = NEW.id; END`.execute(db);
  }

  await db.schema.createIndex('progress_reports_period_state_submitted_idx').on('progress_reports').columns(['period_id', 'state', 'submitted_at']).execute();
  await db.schema.dropIndex('progress_reports_period_idx').execute();
  await db.schema.createIndex('assignments_due_open_idx').on('assignments').columns(['due_on', 'status_class', 'state', 'org_id']).execute();
  await db.schema.createIndex('tasks_status_due_idx').on('tasks').columns(['status_class', 'due_on']).execute();
}

export async function down(): Promise<void> {
  throw new Error('0006_national_reads cannot be reverted: restore a backup instead');
}
