/** How far an indicator's latest value is from its target, read the way the target reads. Pure. */
export type IndicatorColour = 'green' | 'orange' | 'red' | 'grey';

export interface TargetShape {
  operator: string; // gte | gt | lte | lt | eq | range | rank | qualitative
  value: number | null;
  valueMax: number | null;
}

/**
 * The numbers an indicator can hold, as a plan states them: up to 10^15 ("1.000.000 tỷ đồng" in đồng) and, apart
 * from zero, no finer than 10^-9. Within these bounds the colour's arithmetic cannot overflow or underflow, which
 * PostgreSQL refuses with an error where JavaScript would quietly round (the dashboard colours in SQL).
 */
export const INDICATOR_NUMBER_MAX = 1e15;
export const INDICATOR_NUMBER_MIN = 1e-9;

export function isIndicatorNumber(x: number): boolean {
  const size = Math.abs(x);
  return Number.isFinite(x) && size <= INDICATOR_NUMBER_MAX && (size === 0 || size >= INDICATOR_NUMBER_MIN);
}

/** Within this share of the target (or past it, for ceilings) an indicator is "behind" rather than "at risk". */
const BEHIND_MARGIN = 0.2;

export function assessIndicator(target: TargetShape, actual: number | null): IndicatorColour {
  const t = target.value;
  if (actual === null || t === null || !Number.isFinite(actual) || target.operator === 'qualitative') return 'grey';
  switch (target.operator) {
    case 'gte':
    case 'gt': {
      const met = target.operator === 'gte' ? actual >= t : actual > t;
      if (met) return 'green';
      return t > 0 && actual >= t * (1 - BEHIND_MARGIN) ? 'orange' : 'red';
    }
    case 'lte':
    case 'lt': {
      const met = target.operator === 'lte' ? actual <= t : actual < t;
      if (met) return 'green';
      return actual <= t * (1 + BEHIND_MARGIN) ? 'orange' : 'red';
    }
    case 'rank': // a place in a ranking: lower is better ("nhóm 20 tỉnh dẫn đầu")
      if (actual <= t) return 'green';
      return actual <= t * (1 + BEHIND_MARGIN * 2.5) ? 'orange' : 'red';
    case 'range': {
      const max = target.valueMax ?? t;
      if (actual >= t && actual <= max) return 'green';
      const width = Math.max(Math.abs(max - t), Math.abs(t) * 0.1, 1e-9);
      const off = actual < t ? t - actual : actual - max;
      return off <= width * 0.5 ? 'orange' : 'red';
    }
    case 'eq': {
      const gap = Math.abs(actual - t) / (Math.abs(t) || 1);
      return gap <= 0.05 ? 'green' : gap <= BEHIND_MARGIN ? 'orange' : 'red';
    }
    default:
      return 'grey';
  }
}
