import SQLite from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { refreshTaskStatus } from '../../server/assignments/status.ts';
import type { Database } from '../../server/db/types.ts';
import { REPORT_STATES } from '../../server/reports/schemas.ts';
import type { DraftAttempt, ReportLedger } from './report-workload.ts';

/** SQLite's own verdict on a database file: page structure, indexes, foreign keys. */
export function sqliteFileProblems(path: string): string[] {
  const db = new SQLite(path, { fileMustExist: true });
  try {
    const problems: string[] = [];
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
    const fk = db.pragma('foreign_key_check') as unknown[];
    if (fk.length) problems.push(`foreign_key_check: ${JSON.stringify(fk.slice(0, 5))}`);
    return problems;
  } finally {
    db.close();
  }
}

type ReportRow = Awaited<ReturnType<typeof loadReports>>[number];

function loadReports(db: Kysely<Database>, assignmentIds: number[]) {
  return db
    .selectFrom('progress_reports')
    .innerJoin('reporting_periods', 'reporting_periods.id', 'progress_reports.period_id')
    .selectAll('progress_reports')
    .select('reporting_periods.label')
    .where('progress_reports.assignment_id', 'in', assignmentIds)
    .execute();
}

const sameContent = (row: ReportRow, d: DraftAttempt) => row.results === d.results && row.progress === d.progress;

/** Every acknowledged write is stored with the content sent; nothing is stored that was never sent. */
export async function ledgerProblems(db: Kysely<Database>, ledger: ReportLedger, assignmentIds: number[]): Promise<string[]> {
  const rows = new Map((await loadReports(db, assignmentIds)).map((r) => [`${r.assignment_id}/${r.label}`, r]));
  const problems: string[] = [];
  for (const [key, h] of ledger.histories) {
    const row = rows.get(key);
    rows.delete(key);
    const lastAcked = h.attempts.findLastIndex((a) => a.kind === 'draft' && a.acked);
    const firstSubmit = h.attempts.findIndex((a) => a.kind === 'submit');
    const ackedSubmit = h.attempts.some((a) => a.kind === 'submit' && a.acked);
    if (!row) {
      if (lastAcked >= 0) problems.push(`${key}: acknowledged draft lost`);
      continue;
    }
    // The stored text is the last acknowledged draft or one sent after it whose answer never came.
    const candidates = h.attempts.slice(Math.max(lastAcked, 0)).filter((a): a is DraftAttempt => a.kind === 'draft');
    if (!candidates.some((d) => sameContent(row, d))) problems.push(`${key}: stored content is not what was last sent (progress ${row.progress})`);
    if (ackedSubmit && row.state !== 'submitted') problems.push(`${key}: acknowledged submission lost (state ${row.state})`);
    if (firstSubmit < 0 && row.state !== 'draft') problems.push(`${key}: state ${row.state} though never submitted`);
    if (row.state === 'submitted') {
      const submitted = h.attempts.slice(0, firstSubmit).findLast((a): a is DraftAttempt => a.kind === 'draft');
      if (!submitted || !sameContent(row, submitted)) problems.push(`${key}: submitted report does not hold the draft that was submitted`);
    }
    const drafted = h.attempts.filter((a) => a.kind === 'draft' && a.acked).length;
    const audits = await db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('entity_type', '=', 'progress_report')
      .where('entity_id', '=', String(row.id))
      .where('action', 'in', ['create', 'update'])
      .executeTakeFirstOrThrow();
    if (Number(audits.n) < drafted) problems.push(`${key}: ${drafted} acknowledged drafts but ${audits.n} audit rows`);
  }
  for (const key of rows.keys()) problems.push(`${key}: stored report that no client wrote`);
  return problems;
}

class Rollback extends Error {}

/** Status classes as the writing transactions should have left them: recomputed, compared, rolled back. */
async function statusDrift(db: Kysely<Database>, taskIds: number[]): Promise<string[]> {
  const drift: string[] = [];
  const snapshot = async (q: Kysely<Database>) => ({
    assignments: await q.selectFrom('assignments').select(['id', 'status_class']).where('task_id', 'in', taskIds).orderBy('id').execute(),
    tasks: await q.selectFrom('tasks').select(['id', 'status_class']).where('id', 'in', taskIds).orderBy('id').execute(),
  });
  try {
    await db.transaction().execute(async (trx) => {
      const before = await snapshot(trx);
      for (const id of taskIds) await refreshTaskStatus(trx, id);
      const after = await snapshot(trx);
      for (const kind of ['assignments', 'tasks'] as const) {
        before[kind].forEach((b, i) => {
          const a = after[kind][i];
          if (a?.status_class !== b.status_class) drift.push(`${kind} #${b.id}: stored status ${b.status_class}, recomputed ${a?.status_class}`);
        });
      }
      throw new Rollback();
    });
  } catch (err) {
    if (!(err instanceof Rollback)) throw err;
  }
  return drift;
}

/**
 * Invariants of the reporting tables, whatever the clients did: report states and their timestamps, one
 * report per assignment and period, the assignment's mirrored fields (last_report_at, progress,
 * status_class) in step with its reports, and an audit row for every change that survived.
 */
export async function consistencyProblems(db: Kysely<Database>, assignmentIds: number[]): Promise<string[]> {
  const problems: string[] = [];
  const reports = await loadReports(db, assignmentIds);
  const seen = new Set<string>();
  for (const r of reports) {
    const key = `${r.assignment_id}/${r.label}`;
    if (seen.has(key)) problems.push(`${key}: two reports for one period`);
    seen.add(key);
    if (!(REPORT_STATES as readonly string[]).includes(r.state)) problems.push(`report #${r.id}: unknown state ${r.state}`);
    if (r.progress < 0 || r.progress > 100 || (r.late !== 0 && r.late !== 1)) problems.push(`report #${r.id}: progress ${r.progress}, late ${r.late}`);
    if (r.drafted_at === null) problems.push(`report #${r.id}: never drafted`);
    if (r.state === 'draft' && (r.submitted_at !== null || r.submitted_by !== null)) problems.push(`report #${r.id}: draft with a submission time`);
    if (r.state !== 'draft' && (r.submitted_at === null || r.submitted_by === null)) problems.push(`report #${r.id}: ${r.state} without a submission time`);
    if ((r.state === 'accepted' || r.state === 'returned') && r.reviewed_at === null) problems.push(`report #${r.id}: ${r.state} without a review`);
  }

  const assignments = await db.selectFrom('assignments').select(['id', 'task_id', 'progress', 'last_report_at']).where('id', 'in', assignmentIds).execute();
  for (const a of assignments) {
    const latest = reports
      .filter((r) => r.assignment_id === a.id && r.submitted_at !== null)
      .reduce<ReportRow | null>((best, r) => (best === null || (r.submitted_at ?? '') > (best.submitted_at ?? '') ? r : best), null);
    if ((latest?.submitted_at ?? null) !== a.last_report_at) problems.push(`assignment #${a.id}: last_report_at ${a.last_report_at}, latest submission ${latest?.submitted_at ?? null}`);
    if ((latest?.progress ?? 0) !== a.progress) problems.push(`assignment #${a.id}: progress ${a.progress}, latest submitted report says ${latest?.progress ?? 0}`);
  }
  problems.push(...(await statusDrift(db, [...new Set(assignments.map((a) => a.task_id))])));

  const audits = await db.selectFrom('audit_log').select(['entity_id', 'action']).where('entity_type', '=', 'progress_report').execute();
  const tally = new Map<string, number>();
  for (const x of audits) tally.set(`${x.entity_id} ${x.action}`, (tally.get(`${x.entity_id} ${x.action}`) ?? 0) + 1);
  const count = (id: number, action: string) => tally.get(`${id} ${action}`) ?? 0;
  for (const r of reports) {
    if (count(r.id, 'create') !== 1) problems.push(`report #${r.id}: ${count(r.id, 'create')} creation audit rows`);
    const submits = count(r.id, 'submit');
    if (r.state === 'draft' ? submits !== 0 : submits < 1) problems.push(`report #${r.id}: ${r.state} with ${submits} submission audit rows`);
  }
  const allReportIds = new Set((await db.selectFrom('progress_reports').select('id').execute()).map((r) => String(r.id)));
  for (const x of audits) if (x.entity_id !== null && !allReportIds.has(x.entity_id)) problems.push(`audit ${x.action} of report #${x.entity_id} that does not exist`);
  return problems;
}
