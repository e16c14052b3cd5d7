import { endOfMonthLabel, nextMonthLabel, previousMonthLabel, vietnamDate } from '../domain/time.ts';
import { AppError } from '../errors.ts';
import { monthPhrase } from './wording.ts';

/**
 * The month a document reports on. Figures are read as they stood at `asOf`: the month's last day, or
 * today while the month is still running; the previous month is read at its own last day for comparison.
 */
export interface MonthWindow {
  label: string;
  startsOn: string;
  endsOn: string;
  asOf: string;
  previous: { label: string; asOf: string };
  next: { label: string; startsOn: string; endsOn: string };
}

/** A month in the years 1900–2999 (as isIsoDate). */
export const MONTH_PATTERN = /^(?:19|2\d)\d{2}-(0[1-9]|1[0-2])$/;

export function monthWindow(label: string, today: string = vietnamDate()): MonthWindow {
  if (!MONTH_PATTERN.test(label)) {
    throw new AppError('validation_failed', `Kỳ báo cáo "${label}" không hợp lệ: cần một tháng, dạng 2025-05.`, { fields: [{ field: 'querystring.period', message: 'Dạng 2025-05' }] });
  }
  const startsOn = `${label}-01`;
  if (startsOn > today) {
    throw new AppError('validation_failed', `Kỳ ${monthPhrase(label)} chưa bắt đầu; chưa có số liệu để báo cáo.`, { fields: [{ field: 'querystring.period', message: 'Kỳ chưa bắt đầu' }] });
  }
  const endsOn = endOfMonthLabel(label);
  const previous = previousMonthLabel(label);
  const next = nextMonthLabel(label);
  return {
    label,
    startsOn,
    endsOn,
    asOf: endsOn < today ? endsOn : today,
    previous: { label: previous, asOf: endOfMonthLabel(previous) },
    next: { label: next, startsOn: `${next}-01`, endsOn: endOfMonthLabel(next) },
  };
}
