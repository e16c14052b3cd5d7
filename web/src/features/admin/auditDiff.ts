/** Before/after snapshots of an audit row as rows a person can read: one per field, changed ones marked. */
export interface DiffRow {
  field: string;
  before: string;
  after: string;
  changed: boolean;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A value in one line: text as is, nothing as an em dash, the rest as compact JSON. */
export function showValue(v: unknown, yes = 'có', no = 'không'): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? yes : no;
  if (typeof v === 'number') return String(v);
  return JSON.stringify(v);
}

export function auditDiff(before: unknown, after: unknown, yes?: string, no?: string): DiffRow[] {
  if (!isRecord(before) && !isRecord(after)) {
    if (before === null && after === null) return [];
    return [{ field: '', before: showValue(before, yes, no), after: showValue(after, yes, no), changed: JSON.stringify(before) !== JSON.stringify(after) }];
  }
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return fields.map((field) => ({
    field,
    before: showValue(b[field], yes, no),
    after: showValue(a[field], yes, no),
    changed: JSON.stringify(b[field] ?? null) !== JSON.stringify(a[field] ?? null),
  }));
}
