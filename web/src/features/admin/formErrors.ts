import type { FormInstance } from 'antd';
import { ApiError } from '../../api/client.ts';

/**
 * Puts the server's field issues ("body.orgId") on the form fields that caused them. A conflict (a username
 * or code already taken) has no field from the server; `conflictField` says where it belongs.
 * Returns true when every issue found a field, so no general message is needed.
 */
export function applyServerErrors(form: FormInstance, error: unknown, locale: string, conflictField?: string): boolean {
  if (!(error instanceof ApiError)) return false;
  if (error.code === 'conflict' && conflictField) {
    form.setFields([{ name: conflictField, errors: [error.localized(locale)] }]);
    return true;
  }
  if (!error.fields.length) return false;
  const known = new Set(Object.keys(form.getFieldsValue(true) as object));
  let placedAll = true;
  for (const issue of error.fields) {
    const path = issue.field
      .split('.')
      .filter((p) => p !== 'body')
      .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    if (path.length && known.has(String(path[0]))) form.setFields([{ name: path, errors: [issue.message] }]);
    else placedAll = false;
  }
  return placedAll;
}
