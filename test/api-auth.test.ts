import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { LATEST_MIGRATION } from '../server/db/migrate.ts';
import { MAX_FAILED_LOGINS } from '../server/auth/sessions.ts';
import { forEachDialect } from './helpers/db.ts';
import { PASSWORD, setupApi } from './helpers/api.ts';

forEachDialect('accounts, sessions and tokens', (dialect) => {
  const ctx = setupApi(dialect);

  it('reports health with the dialect and the latest migration', async () => {
    const res = await ctx.get().call(null, 'GET', '/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: dialect, migration: LATEST_MIGRATION });
  });

  it('signs in with an httpOnly SameSite cookie, answers /api/me and signs out', async () => {
    const { app } = ctx.get();
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'Viewer', password: PASSWORD } });
    expect(login.statusCode).toBe(200);
    const cookie = login.cookies.find((c) => c.name === 'namro_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Strict');
    const { csrfToken } = login.json<{ csrfToken: string }>();
    const headers = { cookie: `namro_session=${cookie?.value}` };
    const me = await app.inject({ method: 'GET', url: '/api/me', headers });
    expect(me.json<{ user: { username: string; role: string } }>().user).toMatchObject({ username: 'viewer', role: 'viewer' });
    expect(me.body).not.toContain('password');
    // Writing without the CSRF token is refused even with a valid cookie.
    const noCsrf = await app.inject({ method: 'POST', url: '/api/auth/logout', headers });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json()).toMatchObject({ error: { code: 'csrf_failed' } });
    const out = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { ...headers, 'x-csrf-token': csrfToken } });
    expect(out.statusCode).toBe(204);
    const after = await app.inject({ method: 'GET', url: '/api/me', headers });
    expect(after.statusCode).toBe(401);
    expect(after.json()).toMatchObject({ error: { code: 'session_expired' } });
  });

  it('refuses wrong passwords with one message and locks the account after repeated failures', async () => {
    const { app, db } = ctx.get();
    const unknown = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nobody', password: 'whatever1' } });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json()).toMatchObject({ error: { code: 'invalid_credentials', message: 'Tên đăng nhập hoặc mật khẩu không đúng.' } });
    let last = unknown;
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) {
      last = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'homestaff', password: 'wrong-password' } });
    }
    expect(last.statusCode).toBe(423);
    expect(last.json()).toMatchObject({ error: { code: 'account_locked' } });
    // Even the right password waits for the lockout to pass.
    const locked = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'homestaff', password: PASSWORD } });
    expect(locked.statusCode).toBe(423);
    await db.db.updateTable('users').set({ locked_until: null }).where('username', '=', 'homestaff').execute();
    const ok = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'homestaff', password: PASSWORD } });
    expect(ok.statusCode).toBe(200);
    const logged = await db.db.selectFrom('audit_log').select('action').where('action', '=', 'login').where('actor_label', '=', 'homestaff').execute();
    expect(logged.length).toBe(1);
  });

  it('counts simultaneous guesses: a burst cannot outrun the lockout', async () => {
    const { app, db } = ctx.get();
    const guess = (password: string) => app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '10.0.0.9', payload: { username: 'healthleader', password } });
    const burst = await Promise.all(Array.from({ length: 12 }, (_, i) => guess(`sai-${i}`)));
    // Every guess holds its own number: exactly the first MAX - 1 are told "wrong", the one that reaches MAX locks
    // the account and all the others find it locked. A counter read-then-written would let the whole burst through.
    expect(burst.filter((r) => r.statusCode === 401)).toHaveLength(MAX_FAILED_LOGINS - 1);
    expect(burst.filter((r) => r.statusCode === 423)).toHaveLength(12 - (MAX_FAILED_LOGINS - 1));
    // The right password now waits for the lockout as well.
    expect((await guess(PASSWORD)).statusCode).toBe(423);
    const user = await db.db.selectFrom('users').select('locked_until').where('username', '=', 'healthleader').executeTakeFirstOrThrow();
    expect(user.locked_until).not.toBeNull();
    const lockouts = await db.db.selectFrom('audit_log').select('id').where('action', '=', 'lockout').execute();
    expect(lockouts.length).toBeGreaterThan(0);
    await db.db.updateTable('users').set({ locked_until: null, failed_logins: 0 }).where('username', '=', 'healthleader').execute();
  });

  it('limits failed attempts per address across usernames', async () => {
    const { app } = ctx.get();
    let last = 0;
    for (let i = 0; i < 32; i++) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '10.0.0.77', payload: { username: `khong-co-${i}`, password: 'sai-mat-khau' } });
      last = res.statusCode;
    }
    expect(last).toBe(429);
    const other = await app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '10.0.0.78', payload: { username: 'viewer', password: PASSWORD } });
    expect(other.statusCode).toBe(200);
  });

  it('issues API tokens shown once, stored hashed, revocable', async () => {
    const api = ctx.get();
    const created = await api.call('coordinator', 'POST', '/api/me/tokens', { name: 'Tích hợp LGSP' });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json<{ token: string; id: number }>();
    expect(token).toMatch(/^nr_[0-9a-f]{8}_/);
    const stored = await api.db.db.selectFrom('api_tokens').select('token_hash').where('id', '=', id).executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token.slice(12));
    const bearer = { authorization: `Bearer ${token}` };
    const me = await api.app.inject({ method: 'GET', url: '/api/me', headers: bearer });
    expect(me.json<{ user: { username: string } }>().user.username).toBe('coordinator');
    // Tokens need no CSRF token: they are not sent by browsers on their own.
    const patch = await api.app.inject({ method: 'PATCH', url: `/api/directives/${api.directiveId}`, headers: bearer, payload: { meetingDay: 24 } });
    expect(patch.statusCode).toBe(200);
    const revoke = await api.call('coordinator', 'DELETE', `/api/me/tokens/${id}`);
    expect(revoke.statusCode).toBe(204);
    const again = await api.app.inject({ method: 'GET', url: '/api/me', headers: bearer });
    expect(again.statusCode).toBe(401);
  });

  it('lets a user change their own password and ends sessions on an admin reset', async () => {
    const api = ctx.get();
    const wrong = await api.call('inspector', 'POST', '/api/me/password', { currentPassword: 'not-it-at-all', newPassword: 'mat-khau-moi-123' });
    expect(wrong.statusCode).toBe(400);
    const changed = await api.call('inspector', 'POST', '/api/me/password', { currentPassword: PASSWORD, newPassword: 'mat-khau-moi-123' });
    expect(changed.statusCode).toBe(204);
    const login = await api.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'inspector', password: 'mat-khau-moi-123' } });
    expect(login.statusCode).toBe(200);
    const reset = await api.call('admin', 'PATCH', `/api/users/${api.userIds.inspector}`, { password: PASSWORD });
    expect(reset.statusCode).toBe(200);
    const sessions = await api.db.db.selectFrom('sessions').select('id').where('user_id', '=', api.userIds.inspector).execute();
    expect(sessions).toHaveLength(0);
    // API tokens made before a reset stop working too.
    const login2 = await api.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'inspector', password: PASSWORD } });
    const cookie = `namro_session=${login2.cookies.find((c) => c.name === 'namro_session')?.value ?? ''}`;
    const made = await api.app.inject({ method: 'POST', url: '/api/me/tokens', headers: { cookie, 'x-csrf-token': login2.json<{ csrfToken: string }>().csrfToken }, payload: { name: 'x' } });
    const bearer = { authorization: `Bearer ${made.json<{ token: string }>().token}` };
    expect((await api.app.inject({ method: 'GET', url: '/api/me', headers: bearer })).statusCode).toBe(200);
    await api.call('admin', 'PATCH', `/api/users/${api.userIds.inspector}`, { password: PASSWORD });
    expect((await api.app.inject({ method: 'GET', url: '/api/me', headers: bearer })).statusCode).toBe(401);
  });

  it('keeps the audit log append-only in the database itself', async () => {
    const { db } = ctx.get();
    const before = await db.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(before.n)).toBeGreaterThan(0);
    await expect(sql`UPDATE audit_log SET action = 'tampered'`.execute(db.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log`.execute(db.db)).rejects.toThrow(/append-only/);
    const after = await db.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('action', '=', 'tampered').executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(0);
    if (dialect === 'postgres') {
      await expect(sql`TRUNCATE audit_log`.execute(db.db)).rejects.toThrow(/append-only/);
      // Sort keys compare bytes on PostgreSQL as on SQLite, whatever the server's locale.
      const collations = await sql<{ collation_name: string }>`select collation_name from information_schema.columns where table_schema = current_schema() and table_name = 'orgs' and column_name = 'sort_key'`.execute(db.db);
      expect(collations.rows[0]?.collation_name).toBe('C');
    }
  });

  it('has no API route that changes or deletes the audit log', async () => {
    const api = ctx.get();
    for (const method of ['POST', 'PATCH', 'PUT', 'DELETE'] as const) {
      const res = await api.call('admin', method, '/api/audit', {});
      expect([404, 405]).toContain(res.statusCode);
    }
    const res = await api.call('admin', 'DELETE', '/api/audit/1');
    expect(res.statusCode).toBe(404);
  });
});
