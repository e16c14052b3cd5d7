import { type Expression, type Kysely, type SqlBool, SqliteAdapter, sql } from 'kysely';
import { searchTerms } from '../domain/vietnamese.ts';
import type { Database } from './types.ts';

/**
 * Accent-insensitive search on a stored folded column: every word of the query must occur.
 * Works the same on SQLite and PostgreSQL because both sides are folded by the application.
 */
export function matchesSearch(column: string, query: string): Expression<SqlBool> {
  return likeEvery(searchTerms(query), column);
}

function likeEvery(terms: readonly string[], column: string): Expression<SqlBool> {
  if (terms.length === 0) return sql<SqlBool>`1 = 1`;
  return sql<SqlBool>`(${sql.join(
    terms.map((t) => sql`${sql.ref(column)} like ${`%${t}%`}`),
    sql` and `,
  )})`;
}

/** Trigram indexes answer words of three letters or more; a shorter word is only found by reading the texts. */
const TRIGRAM = 3;

/**
 * The same search over tasks.search_text, answered from the trigram index of migration 0007. PostgreSQL's GIN
 * index serves the LIKE itself; SQLite's FTS5 table is asked with a phrase per word (a phrase of the trigram
 * tokenizer matches exactly where LIKE '%word%' does), and words of one or two letters are still compared by LIKE.
 */
export function matchesTaskSearch(db: Kysely<Database>, query: string): Expression<SqlBool> {
  const terms = searchTerms(query);
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return likeEvery(terms, 'tasks.search_text');
  const indexed = terms.filter((t) => [...t].length >= TRIGRAM);
  const scanned = likeEvery(
    terms.filter((t) => [...t].length < TRIGRAM),
    'tasks.search_text',
  );
  if (indexed.length === 0) return scanned;
  const phrases = indexed.map((t) => `"${t.replaceAll('"', '""')}"`).join(' AND ');
  return sql<SqlBool>`(tasks.id in (select rowid from tasks_search where tasks_search match ${phrases}) and ${scanned})`;
}
