import type { Kysely } from 'kysely';
import { chunks } from '../db/batches.ts';
import type { Actor } from '../auth/actor.ts';
import type { Database } from '../db/types.ts';
import { nowIso } from '../domain/time.ts';
import { AppError } from '../errors.ts';
import { pageOf } from '../http/schemas.ts';
import { groupBy } from '../collections.ts';

export const NOTIFICATION_KINDS = [
  'assignment_new',
  'report_due',
  'report_submitted',
  'report_returned',
  'report_accepted',
  'deadline_near',
  'overdue',
  'escalation',
  'extension_requested',
  'extension_decided',
  'completion_proposed',
  'completion_decided',
  'direction',
  'comment',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface NotificationInput {
  kind: NotificationKind;
  title: string;
  body?: string | null;
  /** Path inside the web app, e.g. /tasks/12. */
  link?: string | null;
  entityType?: string | null;
  entityId?: number | null;
  /** The same key for the same person is delivered once: reminders can run again safely. */
  dedupeKey?: string | null;
}

/** Active people of an org (its agency roles by default): who hears about the org's assignments. */
export async function orgRecipients(db: Kysely<Database>, orgId: number, roles: readonly string[] = ['agency_leader', 'agency_staff']): Promise<number[]> {
  return (await recipientsByOrg(db, [orgId], roles)).get(orgId) ?? [];
}

/** The same for many orgs in one query (a whole imported plan), by org. */
export async function recipientsByOrg(db: Kysely<Database>, orgIds: readonly number[], roles: readonly string[] = ['agency_leader', 'agency_staff']): Promise<Map<number, number[]>> {
  const distinct = [...new Set(orgIds)];
  if (distinct.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'org_id']).where('org_id', 'in', distinct).where('active', '=', 1).where('role', 'in', [...roles]).orderBy('id').execute();
  return groupBy(rows, (r) => r.org_id, (r) => r.id);
}

/** Coordinators of a directive's coordinating org. */
export async function coordinatorRecipients(db: Kysely<Database>, coordinatorOrgId: number | null): Promise<number[]> {
  return coordinatorOrgId ? orgRecipients(db, coordinatorOrgId, ['coordinator']) : [];
}

/** Writes in-app notifications (in the caller's transaction); returns how many were new. */
export async function notify(db: Kysely<Database>, userIds: readonly number[], n: NotificationInput, except?: number): Promise<number> {
  const recipients = [...new Set(userIds)].filter((id) => id !== except);
  return notifyMany(db, recipients.map((userId) => ({ userId, n })));
}

/** Many notifications at once (the daily reminders), in batches that fit the bound-parameter limits. */
export async function notifyMany(db: Kysely<Database>, items: readonly { userId: number; n: NotificationInput }[]): Promise<number> {
  if (items.length === 0) return 0;
  const now = nowIso();
  let created = 0;
  for (const batch of chunks(items)) {
    const rows = batch.map(({ userId, n }) => ({
      user_id: userId,
      kind: n.kind,
      title: n.title,
      body: n.body ?? null,
      link: n.link ?? null,
      entity_type: n.entityType ?? null,
      entity_id: n.entityId ?? null,
      dedupe_key: n.dedupeKey ?? null,
      created_at: now,
    }));
    const result = await db.insertInto('notifications').values(rows).onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).doNothing()).executeTakeFirst();
    created += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return created;
}

export async function listNotifications(db: Kysely<Database>, actor: Actor, q: { unread?: boolean; page: number; pageSize: number }) {
  let base = db.selectFrom('notifications').where('user_id', '=', actor.userId);
  if (q.unread) base = base.where('read_at', 'is', null);
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const unread = await db.selectFrom('notifications').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', actor.userId).where('read_at', 'is', null).executeTakeFirstOrThrow();
  const rows = await base.selectAll().orderBy('id', 'desc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
  const items = rows.map((r) => ({ id: r.id, kind: r.kind, title: r.title, body: r.body, link: r.link, entityType: r.entity_type, entityId: r.entity_id, readAt: r.read_at, createdAt: r.created_at }));
  return { ...pageOf(items, Number(total), q.page, q.pageSize), unread: Number(unread.n) };
}

export async function markRead(db: Kysely<Database>, actor: Actor, id: number | 'all'): Promise<void> {
  let q = db.updateTable('notifications').set({ read_at: nowIso() }).where('user_id', '=', actor.userId).where('read_at', 'is', null);
  if (id !== 'all') {
    const own = await db.selectFrom('notifications').select('id').where('id', '=', id).where('user_id', '=', actor.userId).executeTakeFirst();
    if (!own) throw new AppError('not_found', 'Không tìm thấy thông báo.');
    q = q.where('id', '=', id);
  }
  await q.execute();
}
