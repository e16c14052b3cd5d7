/** Response shapes of the task screens, inferred type-only from the server's zod schemas. */
import type { z } from 'zod';
import type { timelineEvent } from '../../../../server/comments/service.ts';
import type { DEADLINE_KINDS } from '../../../../server/domain/deadlines.ts';
import type { taskFilterChoicesView, taskProgressView } from '../../../../server/task-overview/service.ts';
import type { taskListItem } from '../../../../server/tasks/schemas.ts';

export type TaskListItem = z.infer<typeof taskListItem>;
export type TaskProgress = z.infer<typeof taskProgressView>;
export type TaskFilterChoices = z.infer<typeof taskFilterChoicesView>;
export type TimelineEvent = z.infer<typeof timelineEvent>;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];
