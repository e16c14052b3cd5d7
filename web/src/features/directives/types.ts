/** Response shapes of the directive screens, inferred type-only from the server's zod schemas. */
import type { z } from 'zod';
import type { directiveOverviewView, sectionOverviewView } from '../../../../server/task-overview/service.ts';

export type DirectiveOverview = z.infer<typeof directiveOverviewView>;
export type SectionOverview = z.infer<typeof sectionOverviewView>;
