import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor.ts';
import { policies, scopeIds, visibleOrgScope } from '../auth/permissions.ts';
import { recordAudit } from '../audit/service.ts';
import { type AssignmentContext, loadAssignmentContext } from '../assignments/context.ts';
import { refreshTaskStatus } from '../assignments/status.ts';
import { matchesTaskSearch } from '../db/search.ts';
import { assertCanAttachFile } from '../files/access.ts';
import type { Database } from '../db/types.ts';
import { clock, nowIso, vietnamDate } from '../domain/time.ts';
import { AppError, transitioned } from '../errors.ts';
import { pageOf } from '../http/schemas.ts';
import { onReportReviewed, onReportSubmitted } from '../notifications/events.ts';
import { dateInPeriodLabel, ensurePeriod, periodDeadlineInstant } from '../periods/service.ts';
import type { EvidenceInput, ReportDraftInput, ReportListQuery, ReportView, ReviewInput } from './schemas.ts';

type ReportRow = NonNullable<Awaited<ReturnType<typeof findReportRow>>>;
type PeriodRow = Awaited<ReturnType<typeof ensurePeriod>>;

function findReportRow(db: Kysely<Database>, id: number) {
  return db.selectFrom('progress_reports').selectAll().where('id', '=', id).executeTakeFirst();
}

async function loadReport(db: Kysely<Database>, id: number): Promise<{ report: ReportRow; ctx: AssignmentContext; period: PeriodRow }> {
  const report = await findReportRow(db, id);
  if (!report) throw new AppError('not_found', `Không tìm thấy báo cáo #${id}.`);
  const ctx = await loadAssignmentContext(db, report.assignment_id);
  const period = await db.selectFrom('reporting_periods').selectAll().where('id', '=', report.period_id).executeTakeFirstOrThrow();
  return { report, ctx, period };
}

async function present(db: Kysely<Database>, ctx: AssignmentContext, period: PeriodRow, report: ReportRow | null, prefill?: { from: string; row: ReportRow }): Promise<ReportView> {
  const org = await db.selectFrom('orgs').select(['id', 'name']).where('id', '=', ctx.assignment.org_id).executeTakeFirstOrThrow();
  const evidence = report ? await db.selectFrom('evidence').selectAll().where('progress_report_id', '=', report.id).orderBy('id').execute() : [];
  const source = report ?? prefill?.row;
  return {
    id: report?.id ?? null,
    assignmentId: ctx.assignment.id,
    period: { id: period.id, label: period.label, dueOn: period.due_on, meetingOn: period.meeting_on },
    state: report?.state ?? 'draft',
    results: source?.results ?? '',
    progress: source?.progress ?? ctx.assignment.progress,
    obstacles: source?.obstacles ?? null,
    proposals: source?.proposals ?? null,
    responsiblePerson: source?.responsible_person ?? ctx.assignment.responsible_person,
    late: report?.late === 1,
    returnCount: report?.return_count ?? 0,
    submittedAt: report?.submitted_at ?? null,
    reviewedAt: report?.reviewed_at ?? null,
    reviewComment: report?.review_comment ?? null,
    prefilledFrom: report ? null : (prefill?.from ?? null),
    evidence: evidence.map((e) => ({ id: e.id, docNumber: e.doc_number, docDate: e.doc_date, url: e.url, fileId: e.file_id, note: e.note })),
    task: { id: ctx.task.id, ordinal: ctx.task.ordinal, title: ctx.task.title },
    org,
  };
}

function assertOpen(ctx: AssignmentContext): void {
  if (ctx.assignment.state === 'completed') throw new AppError('invalid_state', 'Phân công đã hoàn thành, không cần báo cáo thêm.');
  if (ctx.assignment.state === 'cancelled') throw new AppError('invalid_state', 'Phân công đã bị hủy.');
}

async function periodFor(db: Kysely<Database>, ctx: AssignmentContext, label: string | undefined) {
  const period = await ensurePeriod(db, ctx.directive, label ? dateInPeriodLabel(label) : vietnamDate());
  if (period.starts_on > vietnamDate()) throw new AppError('invalid_state', `Kỳ báo cáo ${period.label} chưa bắt đầu.`);
  return period;
}

/** The report of an assignment for a period, or an unsaved draft prefilled from the latest earlier one. */
export async function getPeriodReport(db: Kysely<Database>, actor: Actor, assignmentId: number, label?: string): Promise<ReportView> {
  const ctx = await loadAssignmentContext(db, assignmentId);
  if (!policies.assignment.read(actor, ctx.ref)) throw new AppError('forbidden', 'Phân công này không thuộc cơ quan của bạn.');
  const period = await periodFor(db, ctx, label);
  const report = await db.selectFrom('progress_reports').selectAll().where('assignment_id', '=', assignmentId).where('period_id', '=', period.id).executeTakeFirst();
  if (report) return present(db, ctx, period, report);
  const previous = await db
    .selectFrom('progress_reports')
    .innerJoin('reporting_periods', 'reporting_periods.id', 'progress_reports.period_id')
    .selectAll('progress_reports')
    .select('reporting_periods.label')
    .where('progress_reports.assignment_id', '=', assignmentId)
    .where('reporting_periods.starts_on', '<', period.starts_on)
    .orderBy('reporting_periods.starts_on', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!previous) return present(db, ctx, period, null);
  const { label: from, ...row } = previous;
  return present(db, ctx, period, null, { from, row });
}

export async function saveDraft(db: Kysely<Database>, actor: Actor, assignmentId: number, input: ReportDraftInput): Promise<ReportView> {
  return db.transaction().execute(async (trx) => {
    const ctx = await loadAssignmentContext(trx, assignmentId);
    if (!policies.report.draft(actor, ctx.ref)) throw new AppError('forbidden', 'Chỉ cán bộ của cơ quan được giao mới soạn báo cáo.');
    assertOpen(ctx);
    const period = await periodFor(trx, ctx, input.period);
    const existing = await trx.selectFrom('progress_reports').selectAll().where('assignment_id', '=', assignmentId).where('period_id', '=', period.id).executeTakeFirst();
    if (existing && (existing.state === 'submitted' || existing.state === 'accepted')) {
      throw new AppError('invalid_state', existing.state === 'submitted' ? 'Báo cáo đã gửi, đang chờ thẩm định; không sửa được.' : 'Báo cáo đã được chấp nhận; không sửa được.');
    }
    const now = nowIso();
    const fields = {
      results: input.results,
      progress: input.progress,
      obstacles: input.obstacles ?? null,
      proposals: input.proposals ?? null,
      responsible_person: input.responsiblePerson ?? null,
      drafted_by: actor.userId,
      drafted_at: now,
      updated_at: now,
    };
    const row = existing
      ? await trx.updateTable('progress_reports').set(fields).where('id', '=', existing.id).where('state', 'in', ['draft', 'returned']).returningAll().executeTakeFirst().then(transitioned)
      : await trx.insertInto('progress_reports').values({ ...fields, assignment_id: assignmentId, period_id: period.id, state: 'draft', created_at: now }).returningAll().executeTakeFirstOrThrow();
    await recordAudit(trx, actor, { action: existing ? 'update' : 'create', entityType: 'progress_report', entityId: row.id, before: existing ?? null, after: row });
    return present(trx, ctx, period, row);
  });
}

export async function submitReport(db: Kysely<Database>, actor: Actor, reportId: number): Promise<ReportView> {
  return db.transaction().execute(async (trx) => {
    const { report, ctx, period } = await loadReport(trx, reportId);
    if (!policies.report.submit(actor, ctx.ref)) throw new AppError('forbidden', 'Chỉ lãnh đạo cơ quan được giao mới gửi báo cáo.');
    assertOpen(ctx);
    if (report.state !== 'draft' && report.state !== 'returned') throw new AppError('invalid_state', 'Báo cáo đã được gửi trước đó.');
    if (!report.results.trim()) throw new AppError('validation_failed', 'Cần nhập kết quả thực hiện trước khi gửi.', { fields: [{ field: 'results', message: 'Không được để trống' }] });
    const now = nowIso();
    // Lateness is judged on the first submission; correcting a returned report does not make it late again.
    const firstSubmission = report.submitted_at === null;
    const late = report.late === 1 || (firstSubmission && clock.now().getTime() >= Date.parse(periodDeadlineInstant(period.due_on)));
    const row = await trx
      .updateTable('progress_reports')
      .set({ state: 'submitted', submitted_by: actor.userId, submitted_at: now, late: late ? 1 : 0, updated_at: now })
      .where('id', '=', reportId)
      .where('state', '=', report.state)
      .returningAll()
      .executeTakeFirst()
      .then(transitioned);
    await trx.updateTable('assignments').set({ progress: row.progress, last_report_at: now, responsible_person: row.responsible_person ?? ctx.assignment.responsible_person, updated_at: now }).where('id', '=', ctx.assignment.id).execute();
    await refreshTaskStatus(trx, ctx.task.id);
    await recordAudit(trx, actor, { action: 'submit', entityType: 'progress_report', entityId: reportId, before: { state: report.state }, after: { state: 'submitted', late } });
    const view = await present(trx, ctx, period, row);
    await onReportSubmitted(trx, ctx, reportId, period.label, view.org.name, late);
    return view;
  });
}

export async function reviewReport(db: Kysely<Database>, actor: Actor, reportId: number, input: ReviewInput): Promise<ReportView> {
  return db.transaction().execute(async (trx) => {
    const { report, ctx, period } = await loadReport(trx, reportId);
    if (!policies.report.review(actor, ctx.ref)) throw new AppError('forbidden', 'Chỉ cơ quan theo dõi văn bản mới thẩm định báo cáo.');
    if (report.state !== 'submitted') {
      throw new AppError('invalid_state', report.state === 'returned' ? 'Báo cáo đã trả lại; cần cơ quan sửa và gửi lại trước khi thẩm định.' : 'Chỉ thẩm định được báo cáo đã gửi.');
    }
    if (input.decision === 'return' && !input.comment?.trim()) {
      throw new AppError('validation_failed', 'Cần ghi lý do khi trả lại báo cáo.', { fields: [{ field: 'body.comment', message: 'Bắt buộc khi trả lại' }] });
    }
    const now = nowIso();
    const row = await trx
      .updateTable('progress_reports')
      .set({
        state: input.decision === 'accept' ? 'accepted' : 'returned',
        reviewed_by: actor.userId,
        reviewed_at: now,
        review_comment: input.comment ?? null,
        return_count: report.return_count + (input.decision === 'return' ? 1 : 0),
        updated_at: now,
      })
      .where('id', '=', reportId)
      .where('state', '=', 'submitted')
      .returningAll()
      .executeTakeFirst()
      .then(transitioned);
    await onReportReviewed(trx, ctx, reportId, period.label, input.decision === 'accept', row.review_comment, actor.userId);
    await recordAudit(trx, actor, { action: input.decision === 'accept' ? 'accept' : 'return', entityType: 'progress_report', entityId: reportId, before: { state: report.state }, after: { state: row.state, comment: row.review_comment } });
    return present(trx, ctx, period, row);
  });
}

export async function addEvidence(db: Kysely<Database>, actor: Actor, reportId: number, input: EvidenceInput): Promise<ReportView> {
  return db.transaction().execute(async (trx) => {
    const { report, ctx, period } = await loadReport(trx, reportId);
    if (!policies.report.draft(actor, ctx.ref)) throw new AppError('forbidden');
    if (report.state !== 'draft' && report.state !== 'returned') throw new AppError('invalid_state', 'Chỉ thêm bằng chứng khi báo cáo chưa gửi hoặc bị trả lại.');
    if (input.fileId) await assertCanAttachFile(trx, actor, input.fileId);
    const row = await trx
      .insertInto('evidence')
      .values({ progress_report_id: reportId, completion_proposal_id: null, doc_number: input.docNumber ?? null, doc_date: input.docDate ?? null, url: input.url ?? null, file_id: input.fileId ?? null, note: input.note ?? null, created_by: actor.userId, created_at: nowIso() })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, { action: 'create', entityType: 'evidence', entityId: row.id, after: row });
    return present(trx, ctx, period, report);
  });
}

export async function listReports(db: Kysely<Database>, actor: Actor, q: ReportListQuery) {
  const scope = visibleOrgScope(actor);
  let base = db
    .selectFrom('progress_reports')
    .innerJoin('assignments', 'assignments.id', 'progress_reports.assignment_id')
    .innerJoin('tasks', 'tasks.id', 'assignments.task_id')
    .innerJoin('orgs', 'orgs.id', 'assignments.org_id')
    .innerJoin('reporting_periods', 'reporting_periods.id', 'progress_reports.period_id');
  if (scope !== 'all') base = base.where('assignments.org_id', 'in', scopeIds(scope));
  if (q.period) base = base.where('reporting_periods.label', '=', q.period);
  if (q.state) base = base.where('progress_reports.state', '=', q.state);
  if (q.directiveId) base = base.where('tasks.directive_id', '=', q.directiveId);
  if (q.orgId) base = base.where('assignments.org_id', '=', q.orgId);
  if (q.assignmentId) base = base.where('assignments.id', '=', q.assignmentId);
  if (q.late) base = base.where('progress_reports.late', '=', q.late === 'true' ? 1 : 0);
  if (q.q) base = base.where(matchesTaskSearch(db, q.q));
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await base
    .select([
      'progress_reports.id',
      'progress_reports.state',
      'progress_reports.progress',
      'progress_reports.late',
      'progress_reports.submitted_at',
      'progress_reports.return_count',
      'reporting_periods.label as period',
      'reporting_periods.due_on',
      'assignments.id as assignment_id',
      'tasks.id as task_id',
      'tasks.ordinal',
      'tasks.title',
      'orgs.id as org_id',
      'orgs.name as org_name',
    ])
    .orderBy(q.sort.endsWith('due_on') ? 'reporting_periods.due_on' : 'progress_reports.submitted_at', q.sort.startsWith('-') ? 'desc' : 'asc')
    .orderBy('progress_reports.id', 'desc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  const items = rows.map((r) => ({
    id: r.id,
    state: r.state,
    progress: r.progress,
    late: r.late === 1,
    submittedAt: r.submitted_at,
    returnCount: r.return_count,
    period: r.period,
    dueOn: r.due_on,
    assignmentId: r.assignment_id,
    task: { id: r.task_id, ordinal: r.ordinal, title: r.title },
    org: { id: r.org_id, name: r.org_name },
  }));
  return pageOf(items, Number(total), q.page, q.pageSize);
}

export async function readReport(db: Kysely<Database>, actor: Actor, reportId: number): Promise<ReportView> {
  const { report, ctx, period } = await loadReport(db, reportId);
  if (!policies.assignment.read(actor, ctx.ref)) throw new AppError('forbidden');
  return present(db, ctx, period, report);
}
