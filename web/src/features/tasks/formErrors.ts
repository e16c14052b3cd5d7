import type { FormInstance } from 'antd';
import { ApiError } from '../../api/client.ts';

/**
 * Puts the server's field messages next to the inputs that caused them ("body.title" → the "title" field).
 * Returns true when at least one landed on a field of the form, so the caller can skip a general message.
 */
export function showFieldErrors(form: FormInstance, error: unknown, known: readonly string[]): boolean {
  if (!(error instanceof ApiError) || !error.fields.length) return false;
  const byField = new Map<string, string[]>();
  for (const f of error.fields) {
    const name = f.field.replace(/^body\./, '').split('.')[0] ?? '';
    if (!known.includes(name)) continue;
    byField.set(name, [...(byField.get(name) ?? []), f.message]);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return byField.size > 0;
}
