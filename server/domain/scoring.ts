/**
 * Agency scoring for a period, in the spirit of Nghị định 335/2025/NĐ-CP: 100 points over completion of the
 * tasks that fell due, timeliness (each late item costs its share), reporting on time, and reports accepted
 * without being returned. Pure: the weights are the admin's setting.
 */
export interface ScoreWeights {
  completion: number;
  timeliness: number;
  reporting: number;
  quality: number;
}
export const DEFAULT_WEIGHTS: ScoreWeights = { completion: 40, timeliness: 30, reporting: 20, quality: 10 };

export interface AgencyFacts {
  /** Assignments due by the end of the period. */
  due: number;
  completedOnTime: number;
  completedLate: number;
  /** Due by the end of the period and still not completed then. */
  overdue: number;
  /** Reports the period asked of the agency. */
  reportsRequired: number;
  reportsOnTime: number;
  reportsSubmitted: number;
  /** Accepted without ever being returned. */
  reportsAcceptedFirstTime: number;
}

export const BANDS = [
  { min: 90, label: 'Hoàn thành xuất sắc nhiệm vụ' },
  { min: 70, label: 'Hoàn thành tốt nhiệm vụ' },
  { min: 50, label: 'Hoàn thành nhiệm vụ' },
  { min: -Infinity, label: 'Không hoàn thành nhiệm vụ' },
] as const;

export interface ScoreBreakdown {
  completion: number;
  timeliness: number;
  reporting: number;
  quality: number;
  total: number;
  band: string;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
/** A share of a part; nothing asked of the agency in that part earns the part in full. */
const share = (good: number, of: number) => (of <= 0 ? 1 : Math.max(0, Math.min(1, good / of)));

export function scoreAgency(f: AgencyFacts, w: ScoreWeights = DEFAULT_WEIGHTS): ScoreBreakdown {
  const completion = round1(w.completion * share(f.completedOnTime + f.completedLate, f.due));
  const timeliness = round1(w.timeliness * (1 - share(f.completedLate + f.overdue, f.due) * (f.due > 0 ? 1 : 0)));
  const reporting = round1(w.reporting * share(f.reportsOnTime, f.reportsRequired));
  const quality = round1(w.quality * share(f.reportsAcceptedFirstTime, f.reportsSubmitted));
  const total = round1(completion + timeliness + reporting + quality);
  const band = BANDS.find((b) => total >= b.min)?.label ?? BANDS[3].label;
  return { completion, timeliness, reporting, quality, total, band };
}
