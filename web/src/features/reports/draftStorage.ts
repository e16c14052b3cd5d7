import type { ReportDraft } from './types.ts';

/**
 * Report text not yet accepted by the server, kept in this browser: a session that expires mid-sentence
 * sends the user to sign in, and the text must still be there when they come back.
 */
const PREFIX = 'namro.report-draft';

interface StoredDraft {
  values: ReportDraft;
  at: string;
}

export function draftKey(assignmentId: number, period: string): string {
  return `${PREFIX}.${assignmentId}.${period}`;
}

export function readLocalDraft(key: string): ReportDraft | null {
  try {
    const raw = localStorage.getItem(key);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<StoredDraft>;
    const v = parsed.values;
    if (!v || typeof v.results !== 'string' || typeof v.progress !== 'number') return null;
    return { results: v.results, progress: v.progress, obstacles: v.obstacles ?? '', proposals: v.proposals ?? '', responsiblePerson: v.responsiblePerson ?? '' };
  } catch {
    return null;
  }
}

export function writeLocalDraft(key: string, values: ReportDraft): void {
  try {
    localStorage.setItem(key, JSON.stringify({ values, at: new Date().toISOString() } satisfies StoredDraft));
  } catch {
    // storage full or blocked: the server copy is all there is
  }
}

export function clearLocalDraft(key: string): void {
  try {
    localStorage.removeItem(key);
  } catch {
    // nothing to clear
  }
}

/** A progress value the server accepts: a whole number from 0 to 100. */
export function isValidProgress(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 100;
}

export function sameDraft(a: ReportDraft, b: ReportDraft): boolean {
  return a.results === b.results && a.progress === b.progress && a.obstacles === b.obstacles && a.proposals === b.proposals && a.responsiblePerson === b.responsiblePerson;
}
