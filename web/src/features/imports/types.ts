/** The import job's shapes, inferred type-only from the server's zod schemas (no server code in the bundle). */
import type { z } from 'zod';
import type { DIRECTIVE_KINDS } from '../../../../server/directives/schemas.ts';
import type { importPreview, previewIndicator, previewOrg, previewTask, previewWarning } from '../../../../server/imports/schemas.ts';

export type ImportPreview = z.infer<typeof importPreview>;
export type PreviewHeader = ImportPreview['directive'];
export type PreviewSection = ImportPreview['sections'][number];
export type PreviewTask = z.infer<typeof previewTask>;
export type PreviewOrg = z.infer<typeof previewOrg>;
export type PreviewIndicator = z.infer<typeof previewIndicator>;
export type PreviewWarning = z.infer<typeof previewWarning>;
export type DirectiveKind = (typeof DIRECTIVE_KINDS)[number];

export const DIRECTIVE_KIND_LIST: readonly DirectiveKind[] = ['plan', 'conclusion_notice', 'official_letter', 'decision', 'resolution', 'program'];

/** GET/PUT /api/imports/:id (the route's jobView is not exported; this mirrors it). */
export interface ImportJob {
  id: number;
  state: string;
  directiveId: number | null;
  preview: ImportPreview;
}

/** POST /api/imports/:id/confirm */
export interface ImportResult {
  directiveId: number;
  created: boolean;
  tasks: { added: number; updated: number; unchanged: number };
  sections: number;
  indicators: { added: number; updated: number };
}
