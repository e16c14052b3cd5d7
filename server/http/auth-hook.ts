import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor.ts';
import { SESSION_COOKIE, actorForUser, resolveApiToken, resolveSession, safeEqual } from '../auth/sessions.ts';
import type { Database } from '../db/types.ts';
import { AppError } from '../errors.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Routes anyone may read without signing in (besides /api/health, which simply never asks for an actor). */
const PUBLIC_PREFIXES = ['/api/open/'];

/**
 * Resolves the actor from a Bearer API token or the session cookie. Cookie sessions must echo
 * their CSRF token in `x-csrf-token` on every state-changing request; API tokens need not.
 */
export function authHook(db: Kysely<Database>, secret: string) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    request.actor = null;
    request.sessionId = null;
    request.csrfToken = null;
    // Open data is public and read-only: no one is signed in there, and a stale token or cookie changes nothing.
    if (PUBLIC_PREFIXES.some((p) => request.url.startsWith(p)) && SAFE_METHODS.has(request.method)) return;
    const header = request.headers.authorization;
    if (header?.startsWith('Bearer ')) {
      const user = await resolveApiToken(db, secret, header.slice(7).trim());
      if (!user) throw new AppError('unauthenticated', 'Mã truy cập API không hợp lệ, đã hết hạn hoặc đã bị thu hồi.');
      request.actor = await actorForUser(db, user, 'token', request.ip);
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const session = await resolveSession(db, secret, token);
    if (!session) return; // expired or unknown: treated as signed out
    request.actor = await actorForUser(db, session.user, 'session', request.ip);
    request.sessionId = session.sessionId;
    request.csrfToken = session.csrfToken;
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !safeEqual(sent, session.csrfToken)) throw new AppError('csrf_failed');
    }
  };
}

/** For handlers: the signed-in actor, or a 401. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) {
    throw new AppError(request.cookies[SESSION_COOKIE] ? 'session_expired' : 'unauthenticated');
  }
  return request.actor;
}
