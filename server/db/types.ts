import type { ColumnType, Generated, GeneratedAlways, Selectable } from 'kysely';

/** Dates are ISO yyyy-mm-dd text, instants ISO-8601 UTC text, flags 0/1, JSON as text: identical on both dialects. */
type Id = Generated<number>;
type Flag = ColumnType<number, number | undefined, number>;
type Defaulted<T> = ColumnType<T, T | undefined, T>;

export interface OrgsTable {
  id: Id;
  code: string;
  name: string;
  short_name: string | null;
  kind: string;
  parent_id: number | null;
  valid_from: string | null;
  valid_to: string | null;
  member_kinds: string | null;
  position: Defaulted<number>;
  name_search: string;
  sort_key: string;
  email: string | null;
  created_at: string;
  updated_at: string;
}
export interface OrgAliasesTable { id: Id; org_id: number; alias: string; alias_search: string }
export interface OrgSuccessionsTable { predecessor_id: number; successor_id: number; kind: string; effective_on: string; note: string | null }
export interface OrgGroupMembersTable { group_id: number; member_id: number }

export interface UsersTable {
  id: Id;
  username: string;
  email: string | null;
  full_name: string;
  title: string | null;
  phone: string | null;
  org_id: number;
  role: string;
  password_hash: string;
  active: Flag;
  locale: Defaulted<string>;
  mail_mode: Defaulted<string>;
  failed_logins: Defaulted<number>;
  locked_until: string | null;
  last_login_at: string | null;
  password_changed_at: string | null;
  name_search: string;
  created_at: string;
  updated_at: string;
}
export interface SessionsTable {
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}
export interface ApiTokensTable {
  id: Id;
  user_id: number;
  name: string;
  token_hash: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  expires_at: string | null;
  revoked_at: string | null;
}
export interface LoginAttemptsTable { id: Id; username: string; ip: string; success: number; at: string }

export interface FilesTable {
  id: Id;
  sha256: string;
  size: number;
  mime: string;
  original_name: string;
  storage_path: string;
  created_by: number | null;
  created_at: string;
}
export interface WorkingGroupsTable {
  id: Id;
  name: string;
  leader_user_id: number | null;
  leader_name: string | null;
  leader_title: string | null;
  fields: Defaulted<string>;
  created_at: string;
  updated_at: string;
}
export interface WorkingGroupOrgsTable { working_group_id: number; org_id: number }

export interface DirectivesTable {
  id: Id;
  number: string;
  kind: string;
  issuer_org_id: number | null;
  issuer_name: string | null;
  signer_name: string | null;
  signer_title: string | null;
  issued_on: string | null;
  title: string;
  full_text: string | null;
  source_file_id: number | null;
  coordinator_org_id: number | null;
  reporting_day: number | null;
  meeting_day: number | null;
  report_frequency: Defaulted<string>;
  state: Defaulted<string>;
  open_data: Flag;
  open_data_reports: Flag;
  search_text: string;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}
export interface DirectiveLinksTable { id: Id; directive_id: number; implements_id: number | null; implements_number: string }
export interface SectionsTable { id: Id; directive_id: number; parent_id: number | null; code: string; title: string; position: number }

export interface TasksTable {
  id: Id;
  directive_id: number;
  section_id: number | null;
  parent_task_id: number | null;
  ordinal: string;
  position: number;
  title: string;
  description: string | null;
  product: string | null;
  deadline_text: string | null;
  deadline_kind: Defaulted<string>;
  due_on: string | null;
  deadline_json: string | null;
  working_group_id: number | null;
  field: string | null;
  source_text: string | null;
  status_class: Defaulted<string>;
  search_text: string;
  sort_key: string;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}
export interface TaskOrgsTable { id: Id; task_id: number; org_id: number | null; role: string; name_as_written: string; position: number }

export interface AssignmentsTable {
  id: Id;
  task_id: number;
  org_id: number;
  via_group_id: number | null;
  state: Defaulted<string>;
  status_class: Defaulted<string>;
  progress: Defaulted<number>;
  original_due_on: string | null;
  due_on: string | null;
  completed_on: string | null;
  responsible_person: string | null;
  responsible_user_id: number | null;
  last_report_at: string | null;
  created_at: string;
  updated_at: string;
}
export interface AssignmentDueChangesTable {
  id: Id;
  assignment_id: number;
  old_due_on: string | null;
  new_due_on: string | null;
  reason: string | null;
  extension_request_id: number | null;
  changed_by: number | null;
  changed_at: string;
}
export interface ReportingPeriodsTable {
  id: Id;
  directive_id: number | null;
  kind: string;
  label: string;
  starts_on: string;
  ends_on: string;
  due_on: string;
  meeting_on: string | null;
  created_at: string;
}
export interface ProgressReportsTable {
  id: Id;
  assignment_id: number;
  period_id: number;
  state: Defaulted<string>;
  results: Defaulted<string>;
  progress: Defaulted<number>;
  obstacles: string | null;
  proposals: string | null;
  responsible_person: string | null;
  late: Flag;
  return_count: Defaulted<number>;
  drafted_by: number | null;
  drafted_at: string | null;
  submitted_by: number | null;
  submitted_at: string | null;
  reviewed_by: number | null;
  reviewed_at: string | null;
  review_comment: string | null;
  published: Flag;
  created_at: string;
  updated_at: string;
}
export interface ExtensionRequestsTable {
  id: Id;
  assignment_id: number;
  previous_due_on: string | null;
  requested_due_on: string;
  reason: string;
  state: Defaulted<string>;
  requested_by: number | null;
  requested_at: string;
  decided_by: number | null;
  decided_at: string | null;
  decision_comment: string | null;
}
export interface CompletionProposalsTable {
  id: Id;
  assignment_id: number;
  product_note: string;
  state: Defaulted<string>;
  proposed_by: number | null;
  proposed_at: string;
  decided_by: number | null;
  decided_at: string | null;
  completed_on: string | null;
  decision_comment: string | null;
}
export interface EvidenceTable {
  id: Id;
  progress_report_id: number | null;
  completion_proposal_id: number | null;
  doc_number: string | null;
  doc_date: string | null;
  file_id: number | null;
  url: string | null;
  note: string | null;
  created_by: number | null;
  created_at: string;
}

export interface IndicatorsTable {
  id: Id;
  directive_id: number;
  parent_id: number | null;
  code: string;
  name: string;
  unit: string | null;
  target_text: string;
  target_operator: Defaulted<string>;
  target_value: number | null;
  target_value_max: number | null;
  horizon_year: number | null;
  position: number;
  search_text: string;
  /** Kept in step by triggers on indicator_values (migration 0004). */
  latest_value_id: Generated<number | null>;
  /** That value's number, kept with it (migration 0006). */
  latest_value_number: Generated<number | null>;
  /** The colour of the latest value against the target as the dashboard orders it: 0 red, 1 orange, 2 grey, 3 green (0006). */
  colour_rank: GeneratedAlways<number>;
  created_at: string;
  updated_at: string;
}
export interface IndicatorOrgsTable { id: Id; indicator_id: number; org_id: number | null; name_as_written: string }
export interface IndicatorValuesTable {
  id: Id;
  indicator_id: number;
  period_id: number;
  value_number: number | null;
  value_text: string | null;
  source: string | null;
  state: Defaulted<string>;
  entered_by: number | null;
  entered_at: string;
  verified_by: number | null;
  verified_at: string | null;
}

export interface CommentsTable {
  id: Id;
  task_id: number;
  assignment_id: number | null;
  author_id: number | null;
  kind: string;
  body: string;
  created_at: string;
}
export interface NotificationsTable {
  id: Id;
  user_id: number;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
  entity_type: string | null;
  entity_id: number | null;
  dedupe_key: string | null;
  read_at: string | null;
  emailed_at: string | null;
  mail_claimed_at: string | null;
  created_at: string;
}
export interface ImportJobsTable {
  id: Id;
  file_id: number | null;
  state: string;
  preview_json: string;
  directive_id: number | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}
export interface AgencyScoresTable {
  id: Id;
  period_id: number;
  org_id: number;
  directive_id: number | null;
  score: number;
  band: string;
  breakdown_json: string;
  computed_at: string;
}
export interface SettingsTable { key: string; value_json: string; updated_by: number | null; updated_at: string }
export interface CalendarDaysTable { id: Id; on_date: string; kind: string; name: string }
export interface JobLeasesTable { key: string; owner: string; expires_at: string; last_run_at: string | null }
export interface AuditLogTable {
  id: Id;
  at: string;
  actor_user_id: number | null;
  actor_label: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
  ip: string | null;
}

export interface AssignmentOccurrencesTable {
  id: Id;
  assignment_id: number;
  year: number;
  due_on: string;
  completed_on: string | null;
  status_class: string;
  closed_at: string;
}

/** Kept in step by triggers (migration 0004): assignments that are not cancelled, counted. */
export interface DirectiveStatusCountsTable {
  directive_id: number;
  status_class: string;
  n: number;
}

export interface OrgStatusCountsTable {
  org_id: number;
  status_class: string;
  n: number;
}

export interface DirectiveOrgStatusCountsTable {
  directive_id: number;
  org_id: number;
  status_class: string;
  n: number;
}

/** Status classes per agency at the end of past months (written by the daily job; the dashboard's comparison). */
export interface MonthlyOrgStatusTable {
  month_end: string;
  org_id: number;
  status_class: string;
  n: number;
}

/** Tasks of a directive with at least one assignment that is not cancelled. */
export interface DirectiveTaskCountsTable {
  directive_id: number;
  tasks: number;
}

export interface Database {
  orgs: OrgsTable;
  org_aliases: OrgAliasesTable;
  org_successions: OrgSuccessionsTable;
  org_group_members: OrgGroupMembersTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  login_attempts: LoginAttemptsTable;
  files: FilesTable;
  working_groups: WorkingGroupsTable;
  working_group_orgs: WorkingGroupOrgsTable;
  directives: DirectivesTable;
  directive_links: DirectiveLinksTable;
  sections: SectionsTable;
  tasks: TasksTable;
  task_orgs: TaskOrgsTable;
  assignments: AssignmentsTable;
  assignment_due_changes: AssignmentDueChangesTable;
  assignment_occurrences: AssignmentOccurrencesTable;
  reporting_periods: ReportingPeriodsTable;
  progress_reports: ProgressReportsTable;
  extension_requests: ExtensionRequestsTable;
  completion_proposals: CompletionProposalsTable;
  evidence: EvidenceTable;
  indicators: IndicatorsTable;
  indicator_orgs: IndicatorOrgsTable;
  indicator_values: IndicatorValuesTable;
  comments: CommentsTable;
  notifications: NotificationsTable;
  import_jobs: ImportJobsTable;
  agency_scores: AgencyScoresTable;
  settings: SettingsTable;
  calendar_days: CalendarDaysTable;
  job_leases: JobLeasesTable;
  audit_log: AuditLogTable;
  directive_status_counts: DirectiveStatusCountsTable;
  org_status_counts: OrgStatusCountsTable;
  directive_task_counts: DirectiveTaskCountsTable;
  directive_org_status_counts: DirectiveOrgStatusCountsTable;
  monthly_org_status: MonthlyOrgStatusTable;
}

export type Org = Selectable<OrgsTable>;
export type User = Selectable<UsersTable>;
export type Directive = Selectable<DirectivesTable>;
export type Task = Selectable<TasksTable>;
export type Assignment = Selectable<AssignmentsTable>;
export type Section = Selectable<SectionsTable>;
