/** The closed lists the admin screens label (kinds, roles, audit words); the labels live in the admin namespace. */
export const ORG_KIND_LIST = ['province', 'office', 'department', 'agency', 'centre', 'unit', 'district', 'commune', 'external', 'group'] as const;
export type OrgKind = (typeof ORG_KIND_LIST)[number];
export const SUCCESSION_KIND_LIST = ['merger', 'rename', 'split'] as const;
export const ROLE_LIST = ['admin', 'coordinator', 'leader', 'agency_leader', 'agency_staff', 'inspector', 'viewer'] as const;
export const AUDIT_ENTITY_TYPES = [
  'directive', 'section', 'task', 'assignment', 'progress_report', 'evidence', 'extension_request', 'completion_proposal', 'indicator', 'indicator_value', 'comment',
  'user', 'org', 'org_succession', 'setting', 'calendar_day', 'import_job', 'file', 'api_token', 'report_template', 'tasks_xlsx', 'indicators_xlsx',
  'monthly_report_docx', 'agency_report_docx',
] as const;
export const AUDIT_ACTIONS = [
  'create', 'update', 'delete', 'import', 'reimport', 'discard', 'submit', 'accept', 'return', 'request', 'propose', 'approve', 'reject', 'status_change', 'reopen',
  'login', 'logout', 'lockout', 'change_password', 'update_with_password_reset', 'update_preferences', 'revoke', 'export', 'open_data', 'import_refused', 'test_mail', 'upload',
] as const;

export function isOneOf<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}
