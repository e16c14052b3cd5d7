// Frozen in time: never edit after release; add a new migration instead.
// Portable across SQLite and PostgreSQL: dates are ISO text (yyyy-mm-dd), instants are ISO-8601 UTC text,
// booleans are 0/1 integers, structured values are JSON text.
import { type Kysely, sql, PostgresAdapter, type CreateTableBuilder } from 'kysely';

type Db = Kysely<any>;

function isPostgres(db: Db): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

function table(db: Db, name: string): CreateTableBuilder<string, 'id'> {
  const pg = isPostgres(db);
  return db.schema
    .createTable(name)
    .addColumn('id', pg ? 'serial' : 'integer', (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()));
}

const now = 'text';

export async function up(db: Db): Promise<void> {
  const pg = isPostgres(db);

  // ── organisations ────────────────────────────────────────────────────────
  await table(db, 'orgs')
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('short_name', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'integer', (c) => c.references('orgs.id').onDelete('restrict'))
    .addColumn('valid_from', 'text')
    .addColumn('valid_to', 'text')
    .addColumn('member_kinds', 'text') // groups: JSON array of org kinds the group expands to
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('name_search', 'text', (c) => c.notNull())
    .addColumn('sort_key', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('created_at', now, (c) => c.notNull())
    .addColumn('updated_at', now, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('orgs_parent_idx').on('orgs').column('parent_id').execute();
  await db.schema.createIndex('orgs_kind_idx').on('orgs').column('kind').execute();

  await table(db, 'org_aliases')
    .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('alias', 'text', (c) => c.notNull())
    .addColumn('alias_search', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('org_aliases_search_idx').on('org_aliases').column('alias_search').execute();
  await db.schema.createIndex('org_aliases_org_idx').on('org_aliases').columns(['org_id', 'alias_search']).unique().execute();

  await db.schema
    .createTable('org_successions')
    .addColumn('predecessor_id', 'integer', (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('successor_id', 'integer', (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull()) // merger | rename | split
    .addColumn('effective_on', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addPrimaryKeyConstraint('org_successions_pk', ['predecessor_id', 'successor_id'])
    .execute();
  await db.schema.createIndex('org_successions_successor_idx').on('org_successions').column('successor_id').execute();

  await db.schema
    .createTable('org_group_members')
    .addColumn('group_id', 'integer', (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('member_id', 'integer', (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('org_group_members_pk', ['group_id', 'member_id'])
    .execute();

  // ── users, sessions, tokens ──────────────────────────────────────────────
  await table(db, 'users')
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('email', 'text')
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('phone', 'text')
    .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id').onDelete('restrict'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('locale', 'text', (c) => c.notNull().defaultTo('vi'))
    .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', now)
    .addColumn('last_login_at', now)
    .addColumn('password_changed_at', now)
    .addColumn('name_search', 'text', (c) => c.notNull())
    .addColumn('created_at', now, (c) => c.notNull())
    .addColumn('updated_at', now, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('users_org_idx').on('users').column('org_id').execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey()) // hash of the cookie token
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', now, (c) => c.notNull())
    .addColumn('last_seen_at', now, (c) => c.notNull())
    .addColumn('expires_at', now, (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();
  await db.schema.createIndex('sessions_expires_idx').on('sessions').column('expires_at').execute();

  await table(db, 'api_tokens')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('created_at', now, (c) => c.notNull())
    .addColumn('last_used_at', now)
    .addColumn('expires_at', now)
    .addColumn('revoked_at', now)
    .execute();

  await table(db, 'login_attempts')
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('ip', 'text', (c) => c.notNull())
    .addColumn('success', 'integer', (c) => c.notNull())
    .addColumn('at', now, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_attempts_ip_idx').on('login_attempts').columns(['ip', 'at']).execute();

  // ── files, working groups ────────────────────────────────────────────────
  await table(db, 'files')
    .addColumn('sha256', 'text', (c) => c.notNull().unique())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('original_name', 'text', (c) => c.notNull())
    .addColumn('storage_path', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', now, (c) => c.notNull())
    .execute();

  await table(db, 'working_groups')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('leader_user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('leader_name', 'text')
    .addColumn('leader_title', 'text')
    .addColumn('fields', 'text', (c) => c.notNull().defaultTo('[]')) // JSON array of field names (lĩnh vực)
    .addColumn('created_at', now, (c) => c.notNull())
    .addColumn('updated_at', now, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('working_group_orgs')
    .addColumn('working_group_id', 'integer', (c) => c.notNull().references('working_groups.id').onDelete('cascade'))
    .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('working_group_orgs_pk', ['working_group_id', 'org_id'])
    .execute();

  // ── directives, sections, tasks ──────────────────────────────────────────
  await table(db, 'directives')
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('issuer_org_id', 'integer', (c) => c.references('orgs.id').onDelete('set null'))
    .addColumn('issuer_name', 'text')
    .addColumn('signer_name', 'text')
    .addColumn('signer_title', 'text')
    .addColumn('issued_on', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('full_text', 'text')
    .addColumn('source_file_id', 'integer', (c) => c.references('files.id').onDelete('set null'))
    .addColumn('coordinator_org_id', 'integer', (c) => c.references('orgs.id').onDelete('set null'))
    .addColumn('reporting_day', 'integer')
    .addColumn('meeting_day', 'integer')
    .addColumn('report_frequency', 'text', (c) => c.notNull().defaultTo('monthly'))
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('active')) // draft | active | closed
    .addColumn('open_data', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', now, (c) => c.notNull())
    .addColumn('updated_at', now, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('directives_number_idx').on('directives').column('number').execute();

  await table(db, 'directive_links')
    .addColumn('directive_id', 'integer', (c) => c.notNull().references('directives.id').onDelete('cascade'))
    .addColumn('implements_id', 'integer', (c) => c.references('directives.id').onDelete('set null'))
    .addColumn('implements_number', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('directive_links_directive_idx').on('directive_links').column('directive_id').execute();

  await table(db, 'sections')
    .addColumn('directive_id', 'integer', (c) => c.notNull().references('directives.id').onDelete('cascade'))
    .addColumn('parent_id', 'integer', (c) => c.references('sections.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sections_directive_idx').on('sections').column('directive_id').execute();

  await table(db, 'tasks')
    .addColumn('directive_id', 'integer', (c) => c.notNull().references('directives.id').onDelete('cascade'))
    .addColumn('section_id', 'integer', (c) => c.references('sections.id').onDelete('set null'))
    .addColumn('parent_task_id', 'integer', (c) => c.references('tasks.id').onDelete('set null'))
    .addColumn('ordinal', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('product', 'text')
    .addColumn('deadline_text', 'text')
    .addColumn('deadline_kind', 'text', (c) => c.notNull().defaultTo('none'))
    .addColumn('due_on', 'text')
    .addColumn('deadline_json', 'text') // the parsed deadline in full (recurrence, condition, parts)
    .addColumn('working_group_id', 'integer', (c) => c.references('working_groups.id').onDelete('set null'))
    .addColumn('field', 'text')
    .addColumn('source_text', 'text')
    .addColumn('status_class', 'text', (c) => c.notNull().defaultTo('not_started')) // roll-up kept in step
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('sort_key', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', now, (c) => c.notNull())
    .addColumn('updated_at', now, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('tasks_directive_idx').on('tasks').columns(['directive_id', 'position']).execute();
  await db.schema.createIndex('tasks_section_idx').on('tasks').column('section_id').execute();
  await db.schema.createIndex('tasks_due_idx').on('tasks').column('due_on').execute();

  await table(db, 'task_orgs')
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('org_id', 'integer', (c) => c.references('orgs.id').onDelete('restrict'))
    .addColumn('role', 'text', (c) => c.notNull()) // lead | coordinator
    .addColumn('name_as_written', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('task_orgs_task_idx').on('task_orgs').column('task_id').execute();
  await db.schema.createIndex('task_orgs_org_idx').on('task_orgs').columns(['org_id', 'role']).execute();

  // ── assignments and the monthly cycle ────────────────────────────────────
  await table(db, 'assignments')
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id').onDelete('restrict'))
    .addColumn('via_group_id', 'integer', (c) => c.references('orgs.id').onDelete('set null'))
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('open')) // open | completed | cancelled
    .addColumn('status_class', 'text', (c) => c.notNull().defaultTo('not_started'))
    .addColumn('progress', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('original_due_on', 'text')
    .addColumn('due_on', 'text')
    .addColumn('completed_on', 'text')
    .addColumn('responsible_person', 'text')
    .addColumn('responsible_user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('last_report_at', now)
    .addColumn('created_at', now, (c) => c.notNull())
    .addColumn('updated_at', now, (c) => c.notNull())
    .addUniqueConstraint('assignments_task_org_uq', ['task_id', 'org_id'])
    .execute();
  await db.schema.createIndex('assignments_org_idx').on('assignments').columns(['org_id', 'status_class']).execute();
  await db.schema.createIndex('assignments_due_idx').on('assignments').column('due_on').execute();

  await table(db, 'assignment_due_changes')
    .addColumn('assignment_id', 'integer', (c) => c.notNull().references('assignments.id').onDelete('cascade'))
    .addColumn('old_due_on', 'text')
    .addColumn('new_due_on', 'text')
    .addColumn('reason', 'text')
    .addColumn('extension_request_id', 'integer')
    .addColumn('changed_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('changed_at', now, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('assignment_due_changes_idx').on('assignment_due_changes').column('assignment_id').execute();

  await table(db, 'reporting_periods')
    .addColumn('directive_id', 'integer', (c) => c.references('directives.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull()) // month | quarter | half_year
    .addColumn('label', 'text', (c) => c.notNull()) // 2025-05, 2025-Q2, 2025-H1
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('meeting_on', 'text')
    .addColumn('created_at', now, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('reporting_periods_uq').on('reporting_periods').columns(['directive_id', 'kind', 'label']).unique().execute();

  await table(db, 'progress_reports')
    .addColumn('assignment_id', 'integer', (c) => c.notNull().references('assignments.id').onDelete('cascade'))
    .addColumn('period_id', 'integer', (c) => c.notNull().references('reporting_periods.id').onDelete('restrict'))
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('draft')) // draft | submitted | returned | accepted
    .addColumn('results', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('progress', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('obstacles', 'text')
    .addColumn('proposals', 'text')
    .addColumn('responsible_person', 'text')
    .addColumn('late', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('return_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('drafted_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('drafted_at', now)
    .addColumn('submitted_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('submitted_at', now)
    .addColumn('reviewed_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('reviewed_at', now)
    .addColumn('review_comment', 'text')
    .addColumn('published', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', now, (c) => c.notNull())
    .addColumn('updated_at', now, (c) => c.notNull())
    .addUniqueConstraint('progress_reports_uq', ['assignment_id', 'period_id'])
    .execute();
  await db.schema.createIndex('progress_reports_period_idx').on('progress_reports').columns(['period_id', 'state']).execute();

  await table(db, 'extension_requests')
    .addColumn('assignment_id', 'integer', (c) => c.notNull().references('assignments.id').onDelete('cascade'))
    .addColumn('previous_due_on', 'text')
    .addColumn('requested_due_on', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('pending')) // pending | approved | refused
    .addColumn('requested_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('requested_at', now, (c) => c.notNull())
    .addColumn('decided_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decided_at', now)
    .addColumn('decision_comment', 'text')
    .execute();
  await db.schema.createIndex('extension_requests_assignment_idx').on('extension_requests').column('assignment_id').execute();

  await table(db, 'completion_proposals')
    .addColumn('assignment_id', 'integer', (c) => c.notNull().references('assignments.id').onDelete('cascade'))
    .addColumn('product_note', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('pending')) // pending | verified | refused
    .addColumn('proposed_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('proposed_at', now, (c) => c.notNull())
    .addColumn('decided_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decided_at', now)
    .addColumn('completed_on', 'text')
    .addColumn('decision_comment', 'text')
    .execute();
  await db.schema.createIndex('completion_proposals_assignment_idx').on('completion_proposals').column('assignment_id').execute();

  await table(db, 'evidence')
    .addColumn('progress_report_id', 'integer', (c) => c.references('progress_reports.id').onDelete('cascade'))
    .addColumn('completion_proposal_id', 'integer', (c) => c.references('completion_proposals.id').onDelete('cascade'))
    .addColumn('doc_number', 'text')
    .addColumn('doc_date', 'text')
    .addColumn('file_id', 'integer', (c) => c.references('files.id').onDelete('restrict'))
    .addColumn('url', 'text')
    .addColumn('note', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', now, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('evidence_report_idx').on('evidence').column('progress_report_id').execute();

  // ── indicators ───────────────────────────────────────────────────────────
  await table(db, 'indicators')
    .addColumn('directive_id', 'integer', (c) => c.notNull().references('directives.id').onDelete('cascade'))
    .addColumn('parent_id', 'integer', (c) => c.references('indicators.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('unit', 'text')
    .addColumn('target_text', 'text', (c) => c.notNull())
    .addColumn('target_operator', 'text', (c) => c.notNull().defaultTo('qualitative')) // gte | gt | lte | lt | eq | range | rank | qualitative
    .addColumn('target_value', pg ? 'double precision' : 'real')
    .addColumn('target_value_max', pg ? 'double precision' : 'real')
    .addColumn('horizon_year', 'integer')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('created_at', now, (c) => c.notNull())
    .addColumn('updated_at', now, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('indicators_directive_idx').on('indicators').columns(['directive_id', 'position']).execute();

  await table(db, 'indicator_orgs')
    .addColumn('indicator_id', 'integer', (c) => c.notNull().references('indicators.id').onDelete('cascade'))
    .addColumn('org_id', 'integer', (c) => c.references('orgs.id').onDelete('restrict'))
    .addColumn('name_as_written', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('indicator_orgs_indicator_idx').on('indicator_orgs').column('indicator_id').execute();
  await db.schema.createIndex('indicator_orgs_org_idx').on('indicator_orgs').column('org_id').execute();

  await table(db, 'indicator_values')
    .addColumn('indicator_id', 'integer', (c) => c.notNull().references('indicators.id').onDelete('cascade'))
    .addColumn('period_id', 'integer', (c) => c.notNull().references('reporting_periods.id').onDelete('restrict'))
    .addColumn('value_number', pg ? 'double precision' : 'real')
    .addColumn('value_text', 'text')
    .addColumn('source', 'text')
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('entered')) // entered | verified | returned
    .addColumn('entered_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('entered_at', now, (c) => c.notNull())
    .addColumn('verified_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('verified_at', now)
    .addUniqueConstraint('indicator_values_uq', ['indicator_id', 'period_id'])
    .execute();

  // ── conversation, notifications, imports, scores ─────────────────────────
  await table(db, 'comments')
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('assignment_id', 'integer', (c) => c.references('assignments.id').onDelete('cascade'))
    .addColumn('author_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('kind', 'text', (c) => c.notNull()) // comment | direction
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', now, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('comments_task_idx').on('comments').column('task_id').execute();

  await table(db, 'notifications')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text')
    .addColumn('link', 'text')
    .addColumn('entity_type', 'text')
    .addColumn('entity_id', 'integer')
    .addColumn('dedupe_key', 'text')
    .addColumn('read_at', now)
    .addColumn('emailed_at', now)
    .addColumn('created_at', now, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('notifications_user_idx').on('notifications').columns(['user_id', 'read_at']).execute();
  await db.schema.createIndex('notifications_dedupe_idx').on('notifications').columns(['user_id', 'dedupe_key']).unique().execute();

  await table(db, 'import_jobs')
    .addColumn('file_id', 'integer', (c) => c.references('files.id').onDelete('set null'))
    .addColumn('state', 'text', (c) => c.notNull()) // preview | confirmed | discarded
    .addColumn('preview_json', 'text', (c) => c.notNull())
    .addColumn('directive_id', 'integer', (c) => c.references('directives.id').onDelete('set null'))
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', now, (c) => c.notNull())
    .addColumn('updated_at', now, (c) => c.notNull())
    .execute();

  await table(db, 'agency_scores')
    .addColumn('period_id', 'integer', (c) => c.notNull().references('reporting_periods.id').onDelete('cascade'))
    .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('directive_id', 'integer', (c) => c.references('directives.id').onDelete('cascade'))
    .addColumn('score', pg ? 'double precision' : 'real', (c) => c.notNull())
    .addColumn('band', 'text', (c) => c.notNull())
    .addColumn('breakdown_json', 'text', (c) => c.notNull())
    .addColumn('computed_at', now, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('agency_scores_period_idx').on('agency_scores').columns(['period_id', 'org_id']).execute();

  // ── settings, calendar, jobs, audit ──────────────────────────────────────
  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value_json', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', now, (c) => c.notNull())
    .execute();

  await table(db, 'calendar_days')
    .addColumn('on_date', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull()) // day_off | working_day (compensating days announced by the Government)
    .addColumn('name', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('job_leases')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('expires_at', now, (c) => c.notNull())
    .addColumn('last_run_at', now)
    .execute();

  await table(db, 'audit_log')
    .addColumn('at', now, (c) => c.notNull())
    .addColumn('actor_user_id', 'integer') // no FK: the log outlives the users it names
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text')
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .addColumn('ip', 'text')
    .execute();
  await db.schema.createIndex('audit_log_entity_idx').on('audit_log').columns(['entity_type', 'entity_id']).execute();
  await db.schema.createIndex('audit_log_at_idx').on('audit_log').column('at').execute();

  // The audit log is append-only at the database itself, not only in the API.
  if (pg) {
    await sql`CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$`.execute(db);
    await sql`CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`.execute(db);
  } else {
    await sql`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(db);
    await sql`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('0001_initial cannot be reverted: restore a backup instead');
}
