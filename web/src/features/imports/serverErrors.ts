import { ApiError } from '../../api/client.ts';
import type { HeaderErrors } from './HeaderForm.tsx';
import type { PreviewHeader } from './types.ts';

export interface PlacedErrors {
  header: HeaderErrors;
  /** Task index → messages. */
  tasks: Map<number, string[]>;
  /** Issues that belong to no field shown (kept for the general message). */
  other: string[];
}

/**
 * Places the server's field issues ("body.directive.title", "body.tasks.12.title") next to what caused them:
 * the header form's fields and the task rows.
 */
export function placeServerErrors(error: unknown): PlacedErrors {
  const placed: PlacedErrors = { header: {}, tasks: new Map(), other: [] };
  if (!(error instanceof ApiError)) return placed;
  for (const issue of error.fields) {
    const path = issue.field.split('.').filter((p) => p !== 'body');
    if (path[0] === 'directive' && path[1]) placed.header[path[1] as keyof PreviewHeader] = issue.message;
    else if (path[0] === 'tasks' && path[1] && /^\d+$/.test(path[1])) {
      const index = Number(path[1]);
      placed.tasks.set(index, [...(placed.tasks.get(index) ?? []), issue.message]);
    } else placed.other.push(`${issue.field}: ${issue.message}`);
  }
  return placed;
}
