import type { z } from 'zod';
import type { breakdown, scoreRow } from '../../../../server/scores/service.ts';

export type ScoreRow = z.infer<typeof scoreRow>;
export type ScoreBreakdownValues = z.infer<typeof breakdown>;
export interface ScoreHistoryPoint {
  period: string;
  rank: number | null;
  score: ScoreBreakdownValues | null;
}
export interface ScoreWeights {
  completion: number;
  timeliness: number;
  reporting: number;
  quality: number;
}
