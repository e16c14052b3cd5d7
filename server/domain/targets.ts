import { isIndicatorNumber } from './indicator-progress.ts';
import { foldVietnamese } from './vietnamese.ts';

/** How an indicator's target reads: at least, at most, exactly, a range, a rank, or in words. */
export const TARGET_OPERATORS = ['gte', 'gt', 'lte', 'lt', 'eq', 'range', 'rank', 'qualitative'] as const;
export type TargetOperator = (typeof TARGET_OPERATORS)[number];

export interface ParsedTarget {
  operator: TargetOperator;
  value: number | null;
  valueMax: number | null;
  /** The figure is a percentage ("100%", "≥ 3%"). */
  percent?: boolean;
  /** Words that qualify a figure in a compound target: "≥ 3% và tăng dần theo yêu cầu phát triển" → "tăng dần theo yêu cầu phát triển". */
  qualifier?: string;
}

/** Vietnamese numbers use a decimal comma and dot thousands: "0,8", "1.000". */
function toNumber(text: string): number {
  const t = /^\d{1,3}(\.\d{3})+$/.test(text) ? text.replace(/\./g, '') : text.replace(',', '.');
  return Number(t);
}

/** Comparison signs as extractions write them: LaTeX ("$\geq 0,8$", "\%"), ASCII (">=") or Unicode. */
function unLatex(text: string): string {
  return text
    .replace(/\\geq?\b/g, '≥')
    .replace(/\\leq?\b/g, '≤')
    .replace(/\\%/g, '%')
    .replace(/\\[,;!]/g, ' ')
    .replace(/[${}]/g, '');
}

const RANK_WORDS = /top|nhom \d+|dung dau|xep hang|thu hang|dan dau|xep thu/;

export function parseTarget(text: string): ParsedTarget {
  const raw = unLatex(text.normalize('NFC'));
  const f = foldVietnamese(raw);
  // A figure past what an indicator can hold (a run of 400 digits) is not read as one.
  const numbers = [...f.matchAll(/\d+(?:[.,]\d+)*/g)].map((m) => toNumber(m[0])).filter(isIndicatorNumber);
  const first = numbers[0] ?? null;
  if (first === null) return { operator: RANK_WORDS.test(f) ? 'rank' : 'qualitative', value: null, valueMax: null };
  const percent = /^[^%]*?\d+(?:[.,]\d+)*\s*%/.test(raw) ? { percent: true } : {};
  // "≥ 3% và tăng dần theo yêu cầu phát triển": a figure, then words that qualify it.
  const qualifierMatch = /^\s*(?:[≥≤<>]=?|>=|<=)?\s*\d+(?:[.,]\d+)*\s*%?\s*(?:và|,|;)\s*(\D.*)$/u.exec(raw);
  const qualifier = qualifierMatch?.[1] ? { qualifier: qualifierMatch[1].trim() } : {};
  const result = (operator: TargetOperator, value: number | null, valueMax: number | null = null): ParsedTarget => ({
    operator,
    value,
    valueMax,
    ...percent,
    ...qualifier,
  });
  if (RANK_WORDS.test(f)) return result('rank', first);
  if (numbers.length >= 2 && /(tu )?\d+(?:[.,]\d+)?\s*%?\s*(-|–|—|den)\s*\d/.test(f)) return result('range', first, numbers[1] ?? null);
  if (/≥|>=|tro len|it nhat|toi thieu|khong thap hon|khong duoi/.test(raw + f)) return result('gte', first);
  if (/≤|<=|toi da|khong qua|khong vuot|duoi muc/.test(raw + f)) return result('lte', first);
  if (/>|tren|vuot/.test(raw + f)) return result('gt', first);
  if (/<|duoi/.test(raw + f)) return result('lt', first);
  // A bare figure ("90", "100%") is a level to reach.
  return result(/^\s*\d+(?:[.,]\d+)?\s*%?\s*$/.test(f) ? 'gte' : 'eq', first);
}
