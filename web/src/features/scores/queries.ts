import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { shiftMonth } from './bands.ts';
import type { ScoreHistoryPoint, ScoreRow, ScoreWeights } from './types.ts';

export const HISTORY_MONTHS = 12;

export function useScores(period: string, directiveId: number | undefined) {
  return useQuery({
    queryKey: ['scores', period, directiveId],
    queryFn: ({ signal }) => api.get<ScoreRow[]>('/api/scores', { period, directiveId }, signal),
    placeholderData: keepPreviousData,
  });
}

/** The agency's score over the twelve months ending with the period. */
export function useScoreHistory(orgId: number, period: string, directiveId: number | undefined) {
  return useQuery({
    queryKey: ['scores', 'history', orgId, period, directiveId],
    queryFn: ({ signal }) => api.get<ScoreHistoryPoint[]>('/api/scores/history', { orgId, from: shiftMonth(period, -(HISTORY_MONTHS - 1)), to: period, directiveId }, signal),
    staleTime: 5 * 60_000,
  });
}

interface Setting {
  key: string;
  value: unknown;
}

const DEFAULT_WEIGHTS: ScoreWeights = { completion: 40, timeliness: 30, reporting: 20, quality: 10 };

/** The weights of the four parts (an admin's setting), to show each part's points out of its maximum. */
export function useScoreWeights(): ScoreWeights {
  const query = useQuery({ queryKey: ['settings'], queryFn: ({ signal }) => api.get<Setting[]>('/api/settings', undefined, signal), staleTime: 10 * 60_000 });
  const found = query.data?.find((s) => s.key === 'scoring.weights')?.value;
  return found && typeof found === 'object' ? { ...DEFAULT_WEIGHTS, ...(found as Partial<ScoreWeights>) } : DEFAULT_WEIGHTS;
}
