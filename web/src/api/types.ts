/**
 * The API's response shapes, inferred from the server's own zod schemas (type-only imports: no server code
 * reaches the bundle). One source of truth: a change on the server shows up here as a type error.
 */
import type { z } from 'zod';
import type { assignmentDetailView, assignmentView } from '../../../server/assignments/schemas.ts';
import type { summaryView } from '../../../server/assignments/summary.ts';
import type { Role } from '../../../server/auth/actor.ts';
import type { completionView } from '../../../server/completions/service.ts';
import type { directiveDetailView, directiveView, sectionView } from '../../../server/directives/schemas.ts';
import type { StatusClass } from '../../../server/domain/status.ts';
import type { extensionView } from '../../../server/extensions/service.ts';
import type { indicatorView } from '../../../server/indicators/service.ts';
import type { orgDetailView, orgView } from '../../../server/orgs/schemas.ts';
import type { reportView } from '../../../server/reports/schemas.ts';
import type { taskDetailView, taskView } from '../../../server/tasks/schemas.ts';
import type { userView } from '../../../server/users/presenter.ts';

export type { Role, StatusClass };
export type User = z.infer<typeof userView>;
export type Org = z.infer<typeof orgView>;
export type OrgDetail = z.infer<typeof orgDetailView>;
export type Directive = z.infer<typeof directiveView>;
export type DirectiveDetail = z.infer<typeof directiveDetailView>;
export type Section = z.infer<typeof sectionView>;
export type Task = z.infer<typeof taskView>;
export type TaskDetail = z.infer<typeof taskDetailView>;
export type Assignment = z.infer<typeof assignmentView>;
export type AssignmentDetail = z.infer<typeof assignmentDetailView>;
export type Report = z.infer<typeof reportView>;
export type Extension = z.infer<typeof extensionView>;
export type Completion = z.infer<typeof completionView>;
export type Indicator = z.infer<typeof indicatorView>;
export type Summary = z.infer<typeof summaryView>;

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Session {
  user: User;
  csrfToken: string | null;
  /** The server's business date (yyyy-mm-dd): a demo may run at another date than the calendar's. */
  today: string;
}
