import type { OrderByItemBuilder } from 'kysely';

/**
 * A date column in either direction with the rows that have none last. Written as NULLS LAST (not as a CASE
 * before the column) so that an index on the column can give the order: the country's overdue tasks by due date
 * is a walk along (status_class, due_on) instead of a sort of 42,000 rows.
 */
export function nullsLast(direction: 'asc' | 'desc') {
  return (ob: OrderByItemBuilder) => (direction === 'desc' ? ob.desc() : ob.asc()).nullsLast();
}
