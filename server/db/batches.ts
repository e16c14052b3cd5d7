/**
 * Long id lists and many-row inserts go to the database in slices: SQLite refuses a statement with more than
 * 32,766 bound parameters, PostgreSQL more than 65,535. 500 rows of a dozen columns, or 500 ids beside a few
 * other parameters, stay far below both.
 */
export const BATCH_SIZE = 500;

/** `items` cut into consecutive slices of at most `size`. */
export function chunks<T>(items: readonly T[], size = BATCH_SIZE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
