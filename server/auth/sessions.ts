import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, User } from '../db/types.ts';
import { AppError } from '../errors.ts';
import { recordAudit } from '../audit/service.ts';
import { orgSubtree } from '../orgs/scope.ts';
import { type Actor, isRole } from './actor.ts';
import { dummyPasswordHash, verifyPassword } from './passwords.ts';

export const SESSION_COOKIE = 'namro_session';
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
const SESSION_TOUCH_MS = 60 * 1000;
/** Temporary lockout after this many wrong passwords in a row. */
export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;
/** Per-address limit on login attempts, whatever the usernames. */
export const MAX_ATTEMPTS_PER_IP = 30;
const ATTEMPT_WINDOW_MS = 15 * 60 * 1000;

export interface SessionSecrets {
  secret: string;
}

/** Tokens are stored as keyed hashes: a stolen database does not yield usable sessions or API tokens. */
export function tokenDigest(secret: string, token: string): string {
  return createHmac('sha256', secret).update(token).digest('base64url');
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export async function actorForUser(db: Kysely<Database>, user: User, via: Actor['via'], ip?: string): Promise<Actor> {
  if (!isRole(user.role)) throw new AppError('forbidden', 'Vai trò của tài khoản không hợp lệ.');
  return {
    userId: user.id,
    username: user.username,
    role: user.role,
    orgId: user.org_id,
    orgScope: await orgSubtree(db, user.org_id),
    via,
    ...(ip ? { ip } : {}),
  };
}

export interface LoginInput {
  username: string;
  password: string;
  ip: string;
  userAgent: string | undefined;
}

export interface LoginResult {
  token: string;
  csrfToken: string;
  expiresAt: string;
  user: User;
}

export async function login(db: Kysely<Database>, secret: string, input: LoginInput): Promise<LoginResult> {
  const now = new Date();
  const nowText = now.toISOString();
  const username = input.username.trim().toLowerCase();
  // The attempt is recorded before anything is checked, so simultaneous guesses all count.
  const attempt = await db.insertInto('login_attempts').values({ username, ip: input.ip, success: 0, at: nowText }).returning('id').executeTakeFirstOrThrow();
  const since = new Date(now.getTime() - ATTEMPT_WINDOW_MS).toISOString();
  const recent = await db
    .selectFrom('login_attempts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('ip', '=', input.ip)
    .where('success', '=', 0)
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  if (Number(recent.n) > MAX_ATTEMPTS_PER_IP) throw new AppError('rate_limited', 'Đăng nhập sai quá nhiều lần từ địa chỉ này. Vui lòng thử lại sau 15 phút.');

  const exists = await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
  if (!exists) {
    await verifyPassword(await dummyPasswordHash(), input.password);
    throw new AppError('invalid_credentials');
  }
  // Reserve this attempt atomically: every guess in flight holds its own number, so a burst cannot
  // outrun the lockout; a locked account answers nothing (the same message whether or not the guess was right).
  const reserved = await db
    .updateTable('users')
    .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1) }))
    .where('id', '=', exists.id)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', nowText)]))
    .returningAll()
    .executeTakeFirst();
  if (!reserved) throw new AppError('account_locked');
  const lockNow = async (actorUser: User) => {
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('users').set({ failed_logins: 0, locked_until: new Date(now.getTime() + LOCKOUT_MS).toISOString() }).where('id', '=', actorUser.id).execute();
      await recordAudit(trx, await actorForUser(trx, actorUser, 'session', input.ip), { action: 'lockout', entityType: 'user', entityId: actorUser.id });
    });
  };
  if (reserved.failed_logins > MAX_FAILED_LOGINS) {
    await lockNow(reserved);
    throw new AppError('account_locked');
  }
  const ok = await verifyPassword(reserved.password_hash, input.password);
  if (!ok) {
    if (reserved.failed_logins >= MAX_FAILED_LOGINS) {
      await lockNow(reserved);
      throw new AppError('account_locked');
    }
    throw new AppError('invalid_credentials');
  }
  if (!reserved.active) throw new AppError('account_inactive');
  const user = reserved;

  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_IDLE_MS).toISOString();
  await db.transaction().execute(async (trx) => {
    // A guess of the same burst may have locked the account while this one was being verified: then it waits too.
    const stillOpen = await trx
      .updateTable('users')
      .set({ failed_logins: 0, locked_until: null, last_login_at: nowText })
      .where('id', '=', user.id)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', nowText)]))
      .executeTakeFirst();
    if (Number(stillOpen.numUpdatedRows) === 0) throw new AppError('account_locked');
    await trx
      .insertInto('sessions')
      .values({
        id: tokenDigest(secret, token),
        user_id: user.id,
        csrf_token: csrfToken,
        created_at: now.toISOString(),
        last_seen_at: now.toISOString(),
        expires_at: expiresAt,
        ip: input.ip,
        user_agent: input.userAgent?.slice(0, 300) ?? null,
      })
      .execute();
    await trx.updateTable('login_attempts').set({ success: 1 }).where('id', '=', attempt.id).execute();
    await recordAudit(trx, await actorForUser(trx, user, 'session', input.ip), { action: 'login', entityType: 'user', entityId: user.id });
  });
  return { token, csrfToken, expiresAt, user };
}

/**
 * Sliding expiry and "last used" are bookkeeping written while reading: when the disk is full or read-only
 * that write fails, and it must not stop anyone reading (the request's own writes still fail clearly).
 */
async function bookkeeping(write: Promise<unknown>): Promise<void> {
  try {
    await write;
  } catch {
    // not recorded this time; the next request tries again
  }
}

export interface ResolvedSession {
  user: User;
  csrfToken: string;
  sessionId: string;
}

/** Finds the live session behind a cookie token and slides its expiry. */
export async function resolveSession(db: Kysely<Database>, secret: string, token: string): Promise<ResolvedSession | null> {
  const id = tokenDigest(secret, token);
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select(['sessions.csrf_token', 'sessions.expires_at', 'sessions.last_seen_at'])
    .where('sessions.id', '=', id)
    .executeTakeFirst();
  const now = Date.now();
  if (!row || row.expires_at <= new Date(now).toISOString() || !row.active) return null;
  if (now - Date.parse(row.last_seen_at) > SESSION_TOUCH_MS) {
    await bookkeeping(
      db
        .updateTable('sessions')
        .set({ last_seen_at: new Date(now).toISOString(), expires_at: new Date(now + SESSION_IDLE_MS).toISOString() })
        .where('id', '=', id)
        .execute(),
    );
  }
  const { csrf_token, expires_at: _e, last_seen_at: _l, ...user } = row;
  return { user, csrfToken: csrf_token, sessionId: id };
}

export async function logout(db: Kysely<Database>, actor: Actor, sessionId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('sessions').where('id', '=', sessionId).execute();
    await recordAudit(trx, actor, { action: 'logout', entityType: 'user', entityId: actor.userId });
  });
}

/** API tokens look like `nr_<prefix>_<secret>`; only a keyed hash is kept. */
export async function createApiToken(
  db: Kysely<Database>,
  secret: string,
  actor: Actor,
  input: { userId: number; name: string; expiresAt?: string | null },
): Promise<{ id: number; token: string; prefix: string }> {
  const prefix = randomBytes(4).toString('hex');
  const token = `nr_${prefix}_${randomBytes(24).toString('base64url')}`;
  const row = await db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('api_tokens')
      .values({
        user_id: input.userId,
        name: input.name,
        token_hash: tokenDigest(secret, token),
        prefix,
        created_at: new Date().toISOString(),
        expires_at: input.expiresAt ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, { action: 'create', entityType: 'api_token', entityId: inserted.id, after: { name: input.name, prefix, user_id: input.userId } });
    return inserted;
  });
  return { id: row.id, token, prefix };
}

export async function resolveApiToken(db: Kysely<Database>, secret: string, token: string): Promise<User | null> {
  const row = await db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .selectAll('users')
    .select(['api_tokens.id as token_id', 'api_tokens.expires_at as token_expires_at', 'api_tokens.revoked_at', 'api_tokens.last_used_at'])
    .where('api_tokens.token_hash', '=', tokenDigest(secret, token))
    .executeTakeFirst();
  const now = new Date().toISOString();
  if (!row || row.revoked_at || (row.token_expires_at && row.token_expires_at <= now) || !row.active) return null;
  if (!row.last_used_at || Date.parse(now) - Date.parse(row.last_used_at) > SESSION_TOUCH_MS) {
    await bookkeeping(db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', row.token_id).execute());
  }
  const { token_id: _i, token_expires_at: _x, revoked_at: _r, last_used_at: _u, ...user } = row;
  return user;
}
