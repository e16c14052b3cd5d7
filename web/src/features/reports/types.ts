/** Shapes of the worklist and proposal endpoints, inferred from the server's zod schemas (type-only imports). */
import type { z } from 'zod';
import type { coordinationView, periodWorkItem, periodWorkView, reviewQueueItem } from '../../../../server/worklist/schemas.ts';
import type { PeriodReportState } from '../../../../server/worklist/schemas.ts';

export type { PeriodReportState };
export type PeriodWork = z.infer<typeof periodWorkView>;
export type PeriodWorkItem = z.infer<typeof periodWorkItem>;
export type ReviewQueueItem = z.infer<typeof reviewQueueItem>;
export type Coordination = z.infer<typeof coordinationView>;
export type EvidenceItem = ReviewQueueItem['evidence'][number];

/** The order the states are shown in: what needs work first. */
export const PERIOD_REPORT_STATES: readonly PeriodReportState[] = ['returned', 'not_started', 'draft', 'submitted', 'accepted'];

/** What the report form edits (the body of PUT /api/assignments/:id/report without the period). */
export interface ReportDraft {
  results: string;
  progress: number;
  obstacles: string;
  proposals: string;
  responsiblePerson: string;
}

export interface UploadedFile {
  id: number;
  originalName: string;
  size: number;
}

/** A row of GET /api/reports (declared inside server/reports/routes.ts, not exported there). */
export interface ReportListItem {
  id: number;
  state: string;
  progress: number;
  late: boolean;
  submittedAt: string | null;
  returnCount: number;
  period: string;
  dueOn: string;
  assignmentId: number;
}
