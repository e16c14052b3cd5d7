import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import { searchTerms } from '../domain/vietnamese.ts';

/**
 * Accent-insensitive search on a stored folded column: every word of the query must occur.
 * Works the same on SQLite and PostgreSQL because both sides are folded by the application.
 */
export function matchesSearch<DB, TB extends keyof DB>(eb: ExpressionBuilder<DB, TB>, column: string, query: string): Expression<SqlBool> {
  const terms = searchTerms(query);
  if (terms.length === 0) return sql<SqlBool>`1 = 1`;
  return eb.and(terms.map((t) => sql<SqlBool>`${sql.ref(column)} like ${`%${t}%`}`));
}
