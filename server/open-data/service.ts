import type { Kysely } from 'kysely';
import type { Database, Directive } from '../db/types.ts';
import { STATUS_LABELS, type StatusClass, daysOverdue } from '../domain/status.ts';
import { vietnamDate } from '../domain/time.ts';
import { AppError } from '../errors.ts';
import type { CsvValue } from './csv.ts';

/**
 * Open data: what a directive opted in publishes without sign-in. Only the public record of the plan and its
 * progress: task, section, agencies (organisations, never people), product, deadline, status, progress and
 * lateness; the latest accepted report's results only when the directive publishes reports too. No user names,
 * e-mail addresses, responsible persons, comments, drafts or unaccepted reports.
 */

export interface OpenDirective {
  id: number;
  number: string;
  kind: string;
  title: string;
  issuedOn: string | null;
  issuerName: string | null;
  taskCount: number;
  publishesReports: boolean;
  updatedAt: string;
}

export interface OpenTask {
  number: string;
  name: string;
  section: { code: string; title: string } | null;
  leadAgencies: string[];
  coordinatingAgencies: string[];
  product: string | null;
  deadlineText: string | null;
  dueOn: string | null;
  status: string;
  statusLabel: string;
  progress: number | null;
  daysLate: number;
  latestReport?: { period: string; agency: string; results: string } | null;
}

const NOT_PUBLISHED = 'Văn bản này không tồn tại hoặc chưa được công bố dữ liệu mở.';

function presentOpenDirective(d: Directive, taskCount: number): OpenDirective {
  return {
    id: d.id,
    number: d.number,
    kind: d.kind,
    title: d.title,
    issuedOn: d.issued_on,
    issuerName: d.issuer_name,
    taskCount,
    publishesReports: d.open_data_reports === 1,
    updatedAt: d.updated_at,
  };
}

/** The directives that publish open data, newest first. */
export async function listOpenDirectives(db: Kysely<Database>): Promise<OpenDirective[]> {
  const rows = await db.selectFrom('directives').selectAll().where('open_data', '=', 1).orderBy('issued_on', 'desc').orderBy('id', 'desc').execute();
  if (!rows.length) return [];
  const counts = await db
    .selectFrom('tasks')
    .select(['directive_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('directive_id', 'in', rows.map((r) => r.id))
    .groupBy('directive_id')
    .execute();
  return rows.map((d) => presentOpenDirective(d, Number(counts.find((c) => c.directive_id === d.id)?.n ?? 0)));
}

/** A directive that publishes open data; unknown and unpublished ones look the same (404). */
export async function findOpenDirective(db: Kysely<Database>, id: number): Promise<Directive> {
  const d = await db.selectFrom('directives').selectAll().where('id', '=', id).where('open_data', '=', 1).executeTakeFirst();
  if (!d) throw new AppError('not_found', NOT_PUBLISHED);
  return d;
}

/** The tasks of a published directive in the document's order, with their public progress. */
export async function openTasks(db: Kysely<Database>, id: number): Promise<{ directive: OpenDirective; tasks: OpenTask[] }> {
  const directive = await findOpenDirective(db, id);
  const tasks = await db
    .selectFrom('tasks')
    .select(['id', 'ordinal', 'title', 'section_id', 'product', 'deadline_text', 'due_on', 'status_class'])
    .where('directive_id', '=', id)
    .orderBy('position')
    .orderBy('id')
    .execute();
  const ids = tasks.length ? tasks.map((t) => t.id) : [-1];
  const withReports = directive.open_data_reports === 1;
  const [sections, orgs, assignments, reports] = await Promise.all([
    db.selectFrom('sections').select(['id', 'code', 'title']).where('directive_id', '=', id).execute(),
    db.selectFrom('task_orgs').leftJoin('orgs', 'orgs.id', 'task_orgs.org_id').select(['task_orgs.task_id', 'task_orgs.role', 'task_orgs.name_as_written', 'orgs.name']).where('task_orgs.task_id', 'in', ids).orderBy('task_orgs.position').execute(),
    db.selectFrom('assignments').select(['task_id', 'state', 'progress', 'due_on']).where('task_id', 'in', ids).where('state', '!=', 'cancelled').execute(),
    withReports
      ? db
          .selectFrom('progress_reports')
          .innerJoin('assignments', 'assignments.id', 'progress_reports.assignment_id')
          .innerJoin('orgs', 'orgs.id', 'assignments.org_id')
          .innerJoin('reporting_periods', 'reporting_periods.id', 'progress_reports.period_id')
          .select(['assignments.task_id', 'reporting_periods.label', 'orgs.name', 'progress_reports.results'])
          .where('assignments.task_id', 'in', ids)
          .where('progress_reports.state', '=', 'accepted')
          .orderBy('reporting_periods.starts_on', 'desc')
          .orderBy('progress_reports.reviewed_at', 'desc')
          .orderBy('progress_reports.id', 'desc')
          .execute()
      : Promise.resolve([]),
  ]);
  const today = vietnamDate();
  const items = tasks.map((t): OpenTask => {
    const names = (role: string) => orgs.filter((o) => o.task_id === t.id && o.role === role).map((o) => o.name ?? o.name_as_written);
    const mine = assignments.filter((a) => a.task_id === t.id);
    const section = sections.find((s) => s.id === t.section_id);
    const report = reports.find((r) => r.task_id === t.id);
    return {
      number: t.ordinal,
      name: t.title,
      section: section ? { code: section.code, title: section.title } : null,
      leadAgencies: names('lead'),
      coordinatingAgencies: names('coordinator'),
      product: t.product,
      deadlineText: t.deadline_text,
      dueOn: t.due_on,
      status: t.status_class,
      statusLabel: STATUS_LABELS[t.status_class as StatusClass] ?? t.status_class,
      progress: mine.length ? Math.round(mine.reduce((s, a) => s + a.progress, 0) / mine.length) : null,
      daysLate: Math.max(0, ...mine.filter((a) => a.state === 'open').map((a) => daysOverdue(a.due_on, today))),
      ...(withReports ? { latestReport: report ? { period: report.label, agency: report.name, results: report.results } : null } : {}),
    };
  });
  return { directive: presentOpenDirective(directive, tasks.length), tasks: items };
}

/** The same tasks as CSV rows under Vietnamese headers; the report columns only when reports are published. */
export function openTasksTable(data: { directive: OpenDirective; tasks: OpenTask[] }): { headers: string[]; rows: CsvValue[][] } {
  const withReports = data.directive.publishesReports;
  const headers = [
    'TT',
    'Tên nhiệm vụ',
    'Mục',
    'Cơ quan chủ trì',
    'Cơ quan phối hợp',
    'Sản phẩm',
    'Thời gian hoàn thành',
    'Hạn hoàn thành (yyyy-mm-dd)',
    'Trạng thái',
    'Mã trạng thái',
    'Tiến độ (%)',
    'Số ngày quá hạn',
    ...(withReports ? ['Kỳ báo cáo gần nhất được chấp nhận', 'Cơ quan báo cáo', 'Kết quả thực hiện'] : []),
  ];
  const rows = data.tasks.map((t) => [
    t.number,
    t.name,
    t.section ? `${t.section.code}. ${t.section.title}` : null,
    t.leadAgencies.join('; '),
    t.coordinatingAgencies.join('; '),
    t.product,
    t.deadlineText,
    t.dueOn,
    t.statusLabel,
    t.status,
    t.progress,
    t.daysLate,
    ...(withReports ? [t.latestReport?.period ?? null, t.latestReport?.agency ?? null, t.latestReport?.results ?? null] : []),
  ]);
  return { headers, rows };
}
