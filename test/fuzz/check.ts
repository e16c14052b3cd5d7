import { appendFileSync } from 'node:fs';
import { ERROR_CATALOGUE } from '../../server/errors.ts';

/** CI replays the same inputs every run (a red build names a change, not a lucky draw); a developer's run explores. */
const CI_SEED = 20_261_123;

/**
 * fast-check settings for every fuzz property: a run count (FUZZ_RUNS overrides the default for a longer
 * hunt) and, with FUZZ_SEED, the seed a failure printed, to replay it.
 */
export function fuzzRuns(defaultRuns: number, multiplier = 1): { numRuns: number; seed?: number } {
  const runs = Number(process.env.FUZZ_RUNS ?? defaultRuns) * multiplier;
  const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : process.env.CI === 'true' ? CI_SEED : undefined;
  return { numRuns: Math.max(1, Math.round(runs)), ...(seed === undefined ? {} : { seed }) };
}

/** Vietnamese letters: a message that carries none is not written in Vietnamese. */
export const VIETNAMESE = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i;

/**
 * The fuzz's property for one answer, as a list of problems (empty when fine): never a 5xx; every refusal
 * is `{"error":{"code","message"}}` with a code from the catalogue and a Vietnamese message.
 */
export function answerProblems(res: { statusCode: number; body: string }): string[] {
  if (res.statusCode >= 500) return [`status ${res.statusCode}`];
  if (res.statusCode < 400) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(res.body);
  } catch {
    return [`status ${res.statusCode} with a body that is not JSON`];
  }
  const error = (parsed as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  const problems: string[] = [];
  if (typeof error?.code !== 'string' || !(error.code in ERROR_CATALOGUE)) problems.push(`code ${JSON.stringify(error?.code)} is not in the catalogue`);
  if (typeof error?.message !== 'string' || !VIETNAMESE.test(error.message)) problems.push(`message ${JSON.stringify(error?.message)} is not Vietnamese`);
  return problems;
}

/** Rejects when the promise takes longer than `ms`: a hang is a finding, not a test timeout. */
export async function within<T>(ms: number, label: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${label}: no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, limit]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * With FUZZ_STATS=<file>, one line per answer (where, status, code, message) is appended to the file: how
 * deep the fuzz reaches (how many requests pass validation and authorisation) is then a sort | uniq -c away.
 */
export function recordAnswer(where: string, res: { statusCode: number; body: string }): void {
  const file = process.env.FUZZ_STATS;
  if (!file) return;
  let error: { code?: string; message?: string } | undefined;
  try {
    error = (JSON.parse(res.body) as { error?: { code?: string; message?: string } } | null)?.error;
  } catch {
    error = undefined;
  }
  appendFileSync(file, `${where}\t${res.statusCode}\t${error?.code ?? ''}\t${(error?.message ?? '').slice(0, 200).replace(/\s+/g, ' ')}\n`);
}
