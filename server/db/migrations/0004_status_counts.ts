// Frozen in time: never edit after release; add a new migration instead.
import { type Kysely, PostgresAdapter, sql } from 'kysely';

type Db = Kysely<any>;

/**
 * What the dashboard reads instead of 600,000 assignments, kept in step by triggers in the transaction of every
 * write: counts of the assignments that count (not cancelled) per directive, per agency and per both, by status
 * class; the tasks per directive that have such an assignment; each indicator's latest value. Plus last months'
 * figures per agency (written by the daily job) and indexes for "the longest overdue first", "the tasks of
 * these agencies" and "what was already said about these assignments".
 */
export async function up(db: Db): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('directive_status_counts')
    .addColumn('directive_id', 'integer', (c) => c.notNull())
    .addColumn('status_class', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('directive_status_counts_pk', ['directive_id', 'status_class'])
    .execute();
  await db.schema
    .createTable('org_status_counts')
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('status_class', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('org_status_counts_pk', ['org_id', 'status_class'])
    .execute();
  await db.schema
    .createTable('directive_org_status_counts')
    .addColumn('directive_id', 'integer', (c) => c.notNull())
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('status_class', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('directive_org_status_counts_pk', ['org_id', 'directive_id', 'status_class'])
    .execute();
  await db.schema
    .createTable('monthly_org_status')
    .addColumn('month_end', 'text', (c) => c.notNull())
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('status_class', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('monthly_org_status_pk', ['month_end', 'org_id', 'status_class'])
    .execute();
  await db.schema
    .createTable('directive_task_counts')
    .addColumn('directive_id', 'integer', (c) => c.primaryKey())
    .addColumn('tasks', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('assignments_status_due_idx').on('assignments').columns(['status_class', 'due_on']).execute();
  await db.schema.createIndex('assignments_org_task_idx').on('assignments').columns(['org_id', 'state', 'task_id']).execute();
  // The daily job reads what it already said about a chunk of assignments.
  await db.schema.createIndex('notifications_entity_idx').on('notifications').columns(['entity_type', 'entity_id']).execute();
  await db.schema.alterTable('indicators').addColumn('latest_value_id', 'integer').execute();

  // The latest value of an indicator: the latest period's, not returned; a tie keeps the last entered.
  const latestOf = (indicator: string) =>
    `(SELECT v.id FROM indicator_values v JOIN reporting_periods p ON p.id = v.period_id WHERE v.indicator_id = ${indicator} AND v.state <> 'returned' ORDER BY p.starts_on DESC, v.id DESC LIMIT 1)`;
  await sql.raw(`UPDATE indicators SET latest_value_id = ${latestOf('indicators.id')}`).execute(db);

  await sql`INSERT INTO directive_status_counts (directive_id, status_class, n)
    SELECT t.directive_id, a.status_class, count(*) FROM assignments a JOIN tasks t ON t.id = a.task_id
    WHERE a.state <> 'cancelled' GROUP BY t.directive_id, a.status_class`.execute(db);
  await sql`INSERT INTO directive_org_status_counts (directive_id, org_id, status_class, n)
    SELECT t.directive_id, a.org_id, a.status_class, count(*) FROM assignments a JOIN tasks t ON t.id = a.task_id
    WHERE a.state <> 'cancelled' GROUP BY t.directive_id, a.org_id, a.status_class`.execute(db);
  await sql`INSERT INTO org_status_counts (org_id, status_class, n)
    SELECT a.org_id, a.status_class, count(*) FROM assignments a WHERE a.state <> 'cancelled' GROUP BY a.org_id, a.status_class`.execute(db);
  await sql`INSERT INTO directive_task_counts (directive_id, tasks)
    SELECT t.directive_id, count(DISTINCT a.task_id) FROM assignments a JOIN tasks t ON t.id = a.task_id
    WHERE a.state <> 'cancelled' GROUP BY t.directive_id`.execute(db);

  if (pg) {
    // Statement-level with transition tables: a row trigger in PostgreSQL runs after the whole statement and
    // would see the other rows of a multi-row insert; this sees the statement's rows at once (and a daily pass
    // that moves 2,000 assignments costs one upsert, not 2,000).
    /** The statement's counted rows: +1 for what it wrote (new_rows), -1 for what it replaced (old_rows). */
    const delta = (tables: readonly ('new_rows' | 'old_rows')[]) =>
      tables.map((rows) => `SELECT task_id, org_id, status_class, ${rows === 'new_rows' ? 1 : -1} AS d FROM ${rows} WHERE state <> 'cancelled'`).join(' UNION ALL ');
    // Ordered upserts: two statements touching the same counters lock them in the same order.
    const applyStatus = (parts: string) => `
      INSERT INTO directive_status_counts AS c (directive_id, status_class, n)
        SELECT t.directive_id, r.status_class, sum(r.d) FROM (${parts}) r JOIN tasks t ON t.id = r.task_id
        GROUP BY t.directive_id, r.status_class HAVING sum(r.d) <> 0 ORDER BY 1, 2
        ON CONFLICT (directive_id, status_class) DO UPDATE SET n = c.n + excluded.n;
      INSERT INTO org_status_counts AS c (org_id, status_class, n)
        SELECT r.org_id, r.status_class, sum(r.d) FROM (${parts}) r
        GROUP BY r.org_id, r.status_class HAVING sum(r.d) <> 0 ORDER BY 1, 2
        ON CONFLICT (org_id, status_class) DO UPDATE SET n = c.n + excluded.n;
      INSERT INTO directive_org_status_counts AS c (directive_id, org_id, status_class, n)
        SELECT t.directive_id, r.org_id, r.status_class, sum(r.d) FROM (${parts}) r JOIN tasks t ON t.id = r.task_id
        GROUP BY r.org_id, t.directive_id, r.status_class HAVING sum(r.d) <> 0 ORDER BY 2, 1, 3
        ON CONFLICT (org_id, directive_id, status_class) DO UPDATE SET n = c.n + excluded.n;`;
    // A task counts while it has an assignment that counts: before and after the statement, per touched task.
    const counted = (extra: string) => `EXISTS (SELECT 1 FROM assignments a WHERE a.task_id = tt.task_id AND a.state <> 'cancelled'${extra})`;
    const applyTasks = (touched: string, before: string) => `
      INSERT INTO directive_task_counts AS c (directive_id, tasks)
        SELECT t.directive_id, sum(x.d) FROM (
          SELECT tt.task_id, (CASE WHEN ${counted('')} THEN 1 ELSE 0 END) - (CASE WHEN ${before} THEN 1 ELSE 0 END) AS d FROM (${touched}) tt
        ) x JOIN tasks t ON t.id = x.task_id GROUP BY t.directive_id HAVING sum(x.d) <> 0 ORDER BY 1
        ON CONFLICT (directive_id) DO UPDATE SET tasks = c.tasks + excluded.tasks;`;
    const oldCounted = `EXISTS (SELECT 1 FROM old_rows o WHERE o.task_id = tt.task_id AND o.state <> 'cancelled')`;
    await sql
      .raw(
        `CREATE FUNCTION status_counts_insert() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
          ${applyStatus(delta(['new_rows']))}
          ${applyTasks('SELECT DISTINCT task_id FROM new_rows', counted(' AND a.id NOT IN (SELECT id FROM new_rows)'))}
          RETURN NULL; END $$`,
      )
      .execute(db);
    await sql
      .raw(
        `CREATE FUNCTION status_counts_delete() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
          ${applyStatus(delta(['old_rows']))}
          ${applyTasks('SELECT DISTINCT task_id FROM old_rows', `${counted('')} OR ${oldCounted}`)}
          RETURN NULL; END $$`,
      )
      .execute(db);
    await sql
      .raw(
        `CREATE FUNCTION status_counts_update() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
          IF NOT EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE o.state IS DISTINCT FROM n.state
              OR o.status_class IS DISTINCT FROM n.status_class OR o.org_id IS DISTINCT FROM n.org_id OR o.task_id IS DISTINCT FROM n.task_id) THEN
            RETURN NULL;
          END IF;
          ${applyStatus(delta(['new_rows', 'old_rows']))}
          IF EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE o.state IS DISTINCT FROM n.state OR o.task_id IS DISTINCT FROM n.task_id) THEN
            ${applyTasks('SELECT task_id FROM new_rows UNION SELECT task_id FROM old_rows', `${counted(' AND a.id NOT IN (SELECT id FROM new_rows)')} OR ${oldCounted}`)}
          END IF;
          RETURN NULL; END $$`,
      )
      .execute(db);
    for (const op of ['insert', 'delete', 'update'] as const) {
      const tables = op === 'insert' ? 'NEW TABLE AS new_rows' : op === 'delete' ? 'OLD TABLE AS old_rows' : 'OLD TABLE AS old_rows NEW TABLE AS new_rows';
      await sql.raw(`CREATE TRIGGER status_counts_${op} AFTER ${op.toUpperCase()} ON assignments REFERENCING ${tables} FOR EACH STATEMENT EXECUTE FUNCTION status_counts_${op}()`).execute(db);
    }
    for (const op of ['insert', 'delete', 'update'] as const) {
      const rows = op === 'insert' ? 'new_rows' : 'old_rows';
      const tables = op === 'insert' ? 'NEW TABLE AS new_rows' : op === 'delete' ? 'OLD TABLE AS old_rows' : 'OLD TABLE AS old_rows NEW TABLE AS new_rows';
      await sql
        .raw(
          `CREATE FUNCTION indicator_latest_${op}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
            UPDATE indicators SET latest_value_id = ${latestOf('indicators.id')} WHERE id IN (SELECT indicator_id FROM ${rows});
            RETURN NULL; END $$`,
        )
        .execute(db);
      await sql.raw(`CREATE TRIGGER indicator_latest_${op} AFTER ${op.toUpperCase()} ON indicator_values REFERENCING ${tables} FOR EACH STATEMENT EXECUTE FUNCTION indicator_latest_${op}()`).execute(db);
    }
    return;
  }

  // SQLite: a trigger body has no IF, so "leaves the counts" and "enters the counts" are triggers of their own.
  const changed = sql.raw(`(OLD.state IS NOT NEW.state OR OLD.status_class IS NOT NEW.status_class OR OLD.org_id IS NOT NEW.org_id OR OLD.task_id IS NOT NEW.task_id)`);
  const leave = (row: 'OLD') =>
    sql.raw(`
      UPDATE directive_status_counts SET n = n - 1 WHERE directive_id = (SELECT directive_id FROM tasks WHERE id = ${row}.task_id) AND status_class = ${row}.status_class;
      UPDATE org_status_counts SET n = n - 1 WHERE org_id = ${row}.org_id AND status_class = ${row}.status_class;
      UPDATE directive_org_status_counts SET n = n - 1 WHERE org_id = ${row}.org_id AND status_class = ${row}.status_class
        AND directive_id = (SELECT directive_id FROM tasks WHERE id = ${row}.task_id);
      UPDATE directive_task_counts SET tasks = tasks - 1 WHERE directive_id = (SELECT directive_id FROM tasks WHERE id = ${row}.task_id)
        AND NOT EXISTS (SELECT 1 FROM assignments WHERE task_id = ${row}.task_id AND state <> 'cancelled' AND id <> ${row}.id);`);
  const enter = (row: 'NEW') =>
    sql.raw(`
      INSERT INTO directive_status_counts (directive_id, status_class, n) SELECT directive_id, ${row}.status_class, 1 FROM tasks WHERE id = ${row}.task_id
        ON CONFLICT (directive_id, status_class) DO UPDATE SET n = n + 1;
      INSERT INTO org_status_counts (org_id, status_class, n) VALUES (${row}.org_id, ${row}.status_class, 1)
        ON CONFLICT (org_id, status_class) DO UPDATE SET n = n + 1;
      INSERT INTO directive_org_status_counts (directive_id, org_id, status_class, n) SELECT directive_id, ${row}.org_id, ${row}.status_class, 1 FROM tasks WHERE id = ${row}.task_id
        ON CONFLICT (org_id, directive_id, status_class) DO UPDATE SET n = n + 1;
      INSERT INTO directive_task_counts (directive_id, tasks) SELECT directive_id, 1 FROM tasks WHERE id = ${row}.task_id
        AND NOT EXISTS (SELECT 1 FROM assignments WHERE task_id = ${row}.task_id AND state <> 'cancelled' AND id <> ${row}.id)
        ON CONFLICT (directive_id) DO UPDATE SET tasks = tasks + 1;`);
  await sql`CREATE TRIGGER status_counts_insert AFTER INSERT ON assignments WHEN NEW.state <> 'cancelled' BEGIN ${enter('NEW')} END`.execute(db);
  await sql`CREATE TRIGGER status_counts_delete AFTER DELETE ON assignments WHEN OLD.state <> 'cancelled' BEGIN ${leave('OLD')} END`.execute(db);
  await sql`CREATE TRIGGER status_counts_update_leave AFTER UPDATE OF state, status_class, org_id, task_id ON assignments
    WHEN OLD.state <> 'cancelled' AND ${changed} BEGIN ${leave('OLD')} END`.execute(db);
  await sql`CREATE TRIGGER status_counts_update_enter AFTER UPDATE OF state, status_class, org_id, task_id ON assignments
    WHEN NEW.state <> 'cancelled' AND ${changed} BEGIN ${enter('NEW')} END`.execute(db);
  for (const [event, row] of [['INSERT', 'NEW'], ['UPDATE OF state, period_id, indicator_id', 'NEW'], ['DELETE', 'OLD']] as const) {
    const name = `indicator_latest_${event.split(' ')[0]?.toLowerCase()}`;
    await sql.raw(`CREATE TRIGGER ${name} AFTER ${event} ON indicator_values BEGIN UPDATE indicators SET latest_value_id = ${latestOf('indicators.id')} WHERE id = ${row}.indicator_id; END`).execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('0004_status_counts cannot be reverted: restore a backup instead');
}
