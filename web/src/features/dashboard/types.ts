/** The dashboard's API shapes, inferred type-only from the server's zod schemas. */
import type { z } from 'zod';
import type { dashboardOptionsView, dashboardView } from '../../../../server/dashboard/schemas.ts';

export type Dashboard = z.infer<typeof dashboardView>;
export type DashboardOptions = z.infer<typeof dashboardOptionsView>;
export type DashboardTaskRef = Dashboard['overdue']['items'][number];
export type UpcomingRef = Dashboard['upcoming']['items'][number];
export type AgencyCounts = Dashboard['agencies'][number];
export type DirectiveProgress = Dashboard['directives'][number];
export type IndicatorColour = Dashboard['indicators']['items'][number]['colour'];
