import { vietnamDate } from '../../server/domain/time.ts';
import type { FaultAgency, FaultSeed } from './fault-seed.ts';

/** One HTTP answer: status 0 is a request that got no answer (connection refused or reset, timeout). */
export interface Answer {
  status: number;
  /** The error code of a non-2xx answer (`{"error":{"code"}}`), or '' . */
  code: string;
  message: string;
  retryAfter: string | null;
  body: unknown;
}

export interface DraftAttempt {
  kind: 'draft';
  results: string;
  progress: number;
  acked: boolean;
}
export interface SubmitAttempt {
  kind: 'submit';
  acked: boolean;
}
export type Attempt = DraftAttempt | SubmitAttempt;

/** Everything sent for one report (assignment × period), in order; an attempt is recorded before it is sent. */
export interface ReportHistory {
  assignmentId: number;
  period: string;
  attempts: Attempt[];
}

/** What the clients sent and what was acknowledged, kept across server restarts. */
export class ReportLedger {
  readonly histories = new Map<string, ReportHistory>();
  /** How often each kind of answer came back: "write 200", "read 503 database_unavailable", "write 0"… */
  readonly answers = new Map<string, number>();
  /** Next period index per assignment: a period is never reused after a failure or a restart. */
  readonly cursors = new Map<number, number>();
  acknowledged = 0;
  /** The latest answer that was not 2xx (to look at its code, message and headers). */
  lastRefusal: Answer | null = null;

  history(assignmentId: number, period: string): ReportHistory {
    const key = `${assignmentId}/${period}`;
    let h = this.histories.get(key);
    if (!h) {
      h = { assignmentId, period, attempts: [] };
      this.histories.set(key, h);
    }
    return h;
  }

  note(kind: 'read' | 'write', answer: Answer): void {
    const key = `${kind} ${answer.status}${answer.code ? ` ${answer.code}` : ''}`;
    this.answers.set(key, (this.answers.get(key) ?? 0) + 1);
    if (answer.status < 200 || answer.status >= 300) this.lastRefusal = answer;
  }

  /** Answers whose key is not allowed, with their counts. */
  unexpectedAnswers(allowed: (key: string) => boolean): string[] {
    return [...this.answers].filter(([k]) => !allowed(k)).map(([k, n]) => `${k} ×${n}`);
  }
}

export async function call(url: string, token: string, method: 'GET' | 'PUT' | 'POST', path: string, body?: unknown, timeoutMs = 20_000): Promise<Answer> {
  try {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = text;
    }
    const error = (json as { error?: { code?: unknown; message?: unknown } } | null)?.error;
    return {
      status: res.status,
      code: res.ok ? '' : String(error?.code ?? 'not_json'),
      message: res.ok ? '' : String(error?.message ?? text.slice(0, 200)),
      retryAfter: res.headers.get('retry-after'),
      body: json,
    };
  } catch {
    return { status: 0, code: '', message: 'no answer', retryAfter: null, body: null };
  }
}

const ok = (a: Answer) => a.status >= 200 && a.status < 300;

/** The monthly period `back` months before the current one (2025-06, 2025-05, …): all have started. */
export function periodBack(back: number): string {
  const today = vietnamDate();
  const months = Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7)) - 1 - back;
  return `${Math.floor(months / 12)}-${String((months % 12) + 1).padStart(2, '0')}`;
}

function nextPeriod(ledger: ReportLedger, agency: FaultAgency): string {
  const back = ledger.cursors.get(agency.assignmentId) ?? 0;
  ledger.cursors.set(agency.assignmentId, back + 1);
  return periodBack(back);
}

const FILLER = 'Đã triển khai số hóa hồ sơ, cập nhật cơ sở dữ liệu chuyên ngành và hướng dẫn các đơn vị trực thuộc thực hiện đúng tiến độ. ';

function draftFor(agency: FaultAgency, period: string, step: number, bytes: number): DraftAttempt {
  const head = `Báo cáo ${agency.assignmentId} kỳ ${period} bước ${step}: `;
  const results = (head + FILLER.repeat(Math.max(1, Math.ceil(bytes / FILLER.length)))).slice(0, Math.max(head.length + 10, bytes)).trim();
  return { kind: 'draft', results, progress: (agency.assignmentId * 7 + period.length * 13 + step * 29) % 101, acked: false };
}

export interface WorkloadOptions {
  url: string;
  ledger: ReportLedger;
  stop: { now: boolean };
  /** Length of each draft's results text (the report body), to make writes heavier. */
  contentChars?: number;
  /** The crash loop: an unanswered request means the server died, so the client ends. */
  endOnNoAnswer?: boolean;
}

export type StepOutcome = 'done' | 'refused' | 'unanswered';
const outcome = (a: Answer): StepOutcome => (a.status === 0 ? 'unanswered' : 'refused');

/**
 * One report from draft to submitted in the agency's next unused period: a draft by the staff member, a
 * corrected draft by the leader, then the leader's submission. Stops at the first step refused or
 * unanswered (the period is then abandoned, whatever it holds).
 */
export async function reportOnce(opts: WorkloadOptions, agency: FaultAgency): Promise<StepOutcome> {
  const { ledger } = opts;
  const period = nextPeriod(ledger, agency);
  const history = ledger.history(agency.assignmentId, period);
  for (const [step, token] of [agency.staffToken, agency.leaderToken].entries()) {
    const draft = draftFor(agency, period, step, opts.contentChars ?? 600);
    history.attempts.push(draft);
    const answer = await call(opts.url, token, 'PUT', `/api/assignments/${agency.assignmentId}/report`, { period, results: draft.results, progress: draft.progress });
    ledger.note('write', answer);
    if (!ok(answer)) return outcome(answer);
    draft.acked = true;
    ledger.acknowledged++;
    if (opts.stop.now) return 'done';
    const id = (answer.body as { id?: unknown }).id;
    if (step === 1 && typeof id === 'number') {
      const submit: SubmitAttempt = { kind: 'submit', acked: false };
      history.attempts.push(submit);
      const sent = await call(opts.url, agency.leaderToken, 'POST', `/api/reports/${id}/submit`);
      ledger.note('write', sent);
      if (!ok(sent)) return outcome(sent);
      submit.acked = true;
      ledger.acknowledged++;
    }
  }
  return 'done';
}

/** A single draft for the agency's next unused period, recorded in the ledger; the answer is returned as is. */
export async function draftOnce(opts: WorkloadOptions, agency: FaultAgency): Promise<Answer> {
  const period = nextPeriod(opts.ledger, agency);
  const draft = draftFor(agency, period, 0, opts.contentChars ?? 600);
  opts.ledger.history(agency.assignmentId, period).attempts.push(draft);
  const answer = await call(opts.url, agency.staffToken, 'PUT', `/api/assignments/${agency.assignmentId}/report`, { period, results: draft.results, progress: draft.progress });
  opts.ledger.note('write', answer);
  if (ok(answer)) {
    draft.acked = true;
    opts.ledger.acknowledged++;
  }
  return answer;
}

/** Keeps one agency reporting until stopped; after a refusal it pauses briefly and moves to another period. */
export async function agencyClient(opts: WorkloadOptions, agency: FaultAgency): Promise<void> {
  while (!opts.stop.now) {
    const result = await reportOnce(opts, agency);
    if (result === 'done') continue;
    if (result === 'unanswered' && opts.endOnNoAnswer) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Reads what the coordinator and the agencies read most: the report list and an assignment's report. */
export async function readerClient(opts: WorkloadOptions, seed: FaultSeed): Promise<void> {
  for (let i = 0; !opts.stop.now; i++) {
    const agency = seed.agencies[i % seed.agencies.length];
    if (!agency) return;
    const answer =
      i % 2 === 0
        ? await call(opts.url, seed.coordinatorToken, 'GET', '/api/reports?pageSize=20&page=1')
        : await call(opts.url, agency.staffToken, 'GET', `/api/assignments/${agency.assignmentId}/report`);
    opts.ledger.note('read', answer);
    if (answer.status === 0 && opts.endOnNoAnswer) return;
    if (answer.status !== 200) await new Promise((r) => setTimeout(r, 100));
  }
}

/** Every agency writing and `readers` clients reading until `stop.now`. */
export async function runWorkload(opts: WorkloadOptions, seed: FaultSeed, readers = 1): Promise<void> {
  await Promise.all([...seed.agencies.map((a) => agencyClient(opts, a)), ...Array.from({ length: readers }, () => readerClient(opts, seed))]);
}
