import { foldVietnamese } from './vietnamese.ts';

/** How an indicator's target reads: at least, at most, exactly, a range, a rank, or in words. */
export const TARGET_OPERATORS = ['gte', 'gt', 'lte', 'lt', 'eq', 'range', 'rank', 'qualitative'] as const;
export type TargetOperator = (typeof TARGET_OPERATORS)[number];

export interface ParsedTarget {
  operator: TargetOperator;
  value: number | null;
  valueMax: number | null;
}

/** Vietnamese numbers use a decimal comma and dot thousands: "0,8", "1.000". */
function toNumber(text: string): number {
  const t = /^\d{1,3}(\.\d{3})+$/.test(text) ? text.replace(/\./g, '') : text.replace(',', '.');
  return Number(t);
}

export function parseTarget(text: string): ParsedTarget {
  const raw = text.normalize('NFC').replace(/\$|\\geq|\\leq/g, (m) => (m === '\\geq' ? '≥' : m === '\\leq' ? '≤' : ''));
  const f = foldVietnamese(raw);
  const numbers = [...f.matchAll(/\d+(?:[.,]\d+)*/g)].map((m) => toNumber(m[0]));
  const first = numbers[0] ?? null;
  if (first === null) return { operator: 'qualitative', value: null, valueMax: null };
  if (/top|nhom \d+|dung dau|xep hang|thu hang|dan dau/.test(f)) return { operator: 'rank', value: first, valueMax: null };
  if (numbers.length >= 2 && /(tu )?\d+(?:[.,]\d+)?\s*(-|–|den)\s*\d/.test(f)) return { operator: 'range', value: first, valueMax: numbers[1] ?? null };
  if (/≥|>=|tro len|it nhat|toi thieu|khong thap hon|khong duoi/.test(raw + f)) return { operator: 'gte', value: first, valueMax: null };
  if (/≤|<=|toi da|khong qua|khong vuot|duoi muc/.test(raw + f)) return { operator: 'lte', value: first, valueMax: null };
  if (/>|tren|vuot/.test(raw + f)) return { operator: 'gt', value: first, valueMax: null };
  if (/<|duoi/.test(raw + f)) return { operator: 'lt', value: first, valueMax: null };
  // A bare figure ("90", "100%") is a level to reach.
  return { operator: /^\s*\d+(?:[.,]\d+)?\s*%?\s*$/.test(f) ? 'gte' : 'eq', value: first, valueMax: null };
}
