import type { ReviewQueueItem } from '../reports/types.ts';

/** A submitted report as the review desk receives it, for the component tests. */
export function reviewItem(id: number, ordinal = String(id), org = `Sở ${id}`): ReviewQueueItem {
  return {
    id,
    assignmentId: id * 10,
    period: { label: '2026-11', dueOn: '2026-11-18' },
    task: { id: id * 100, ordinal, title: `Nhiệm vụ ${ordinal}` },
    directive: { id: 1, number: '726/KH-UBND' },
    org: { id, name: org },
    progress: 50,
    results: `Kết quả ${ordinal}`,
    obstacles: null,
    proposals: null,
    late: false,
    returnCount: 0,
    submittedAt: '2026-11-20T03:00:00Z',
    evidence: [],
  };
}
