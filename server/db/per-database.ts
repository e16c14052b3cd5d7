import type { Kysely } from 'kysely';

/**
 * One key for a database and every transaction opened on it, for what is cached per database: Kysely gives a
 * transaction a new instance but keeps the dialect's adapter, made once per database. (Keyed by the instance,
 * every request's transaction would start with an empty cache.)
 */
export function databaseKey<DB>(db: Kysely<DB>): object {
  return db.getExecutor().adapter;
}
