import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor.ts';
import { chunks } from '../db/batches.ts';
import type { Database } from '../db/types.ts';
import { nowIso } from '../domain/time.ts';

export interface AuditEntry {
  action: string; // create | update | delete | login | logout | password_reset | …
  entityType: string;
  entityId: number | string | null;
  before?: unknown;
  after?: unknown;
}

/** Never leaves secrets in the log, whatever a caller passes. */
const SECRET_KEYS = new Set(['password', 'password_hash', 'token', 'token_hash', 'csrf_token']);

function snapshot(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return JSON.stringify(value, (key, v: unknown) => (SECRET_KEYS.has(key) ? '[ẩn]' : v));
}

/** Writes one audit row. Call it with the same transaction as the change it records. */
export async function recordAudit(trx: Kysely<Database>, actor: Actor, entry: AuditEntry): Promise<void> {
  await recordAudits(trx, actor, [entry]);
}

/** Writes many audit rows by one actor in few statements (bulk imports, the daily status pass). */
export async function recordAudits(trx: Kysely<Database>, actor: Actor, entries: readonly AuditEntry[]): Promise<void> {
  const at = nowIso();
  const rows = entries.map((entry) => ({
    at,
    actor_user_id: actor.via === 'system' ? null : actor.userId,
    actor_label: actor.username,
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId === null ? null : String(entry.entityId),
    before_json: snapshot(entry.before),
    after_json: snapshot(entry.after),
    ip: actor.ip ?? null,
  }));
  for (const batch of chunks(rows)) await trx.insertInto('audit_log').values(batch).execute();
}
