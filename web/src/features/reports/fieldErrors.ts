import type { FormInstance } from 'antd';
import { ApiError } from '../../api/client.ts';

/** Puts the server's field messages next to the fields they are about ("body.comment" → comment). */
export function showFieldErrors(form: FormInstance, error: unknown, known: readonly string[]): boolean {
  if (!(error instanceof ApiError) || !error.fields.length) return false;
  const fields = error.fields
    .map((f) => ({ name: f.field.replace(/^body\./, ''), errors: [f.message] }))
    .filter((f) => known.includes(f.name));
  if (fields.length) form.setFields(fields);
  return fields.length > 0;
}
