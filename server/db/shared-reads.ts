import type { Kysely } from 'kysely';
import type { Database } from './types.ts';
import { databaseKey } from './per-database.ts';

/**
 * One computation for the same heavy read asked at the same time, and its answer reused while nothing changed.
 * Leaders of one province (or of the country) ask for the same figures: ten at once cost one computation instead
 * of ten in a queue on two cores. "Nothing changed" is the audit log's last id — every change, the daily status
 * pass included, writes its audit row in its own transaction — read at each request (an index lookup). An answer
 * is kept at most MAX_AGE_MS besides: on PostgreSQL a transaction can commit after a later id was read, and other
 * server processes do not share this memory.
 */

const MAX_AGE_MS = 10_000;
const MAX_ENTRIES = 200;

interface Entry {
  version: number;
  at: number;
  value: Promise<unknown>;
}

const entriesByDatabase = new WeakMap<object, Map<string, Entry>>();

async function dataVersion(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('audit_log').select((eb) => eb.fn.max('id').as('v')).executeTakeFirst();
  return Number(row?.v ?? 0);
}

/** `compute()`, or the answer of an identical `key` computed since the last change and within MAX_AGE_MS. */
export async function sharedRead<T>(db: Kysely<Database>, key: string, compute: () => Promise<T>): Promise<T> {
  let entries = entriesByDatabase.get(databaseKey(db));
  if (!entries) {
    entries = new Map();
    entriesByDatabase.set(databaseKey(db), entries);
  }
  const version = await dataVersion(db);
  const now = Date.now();
  const hit = entries.get(key);
  if (hit && hit.version === version && now - hit.at < MAX_AGE_MS) return hit.value as Promise<T>;
  const value = compute();
  const entry = { version, at: now, value };
  entries.delete(key); // re-inserted last: the map keeps the order of computation, the oldest is evicted first
  entries.set(key, entry);
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value ?? '');
  // A failure is not kept: the next request computes again.
  value.catch(() => {
    if (entries.get(key) === entry) entries.delete(key);
  });
  return value;
}
