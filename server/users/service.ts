import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor.ts';
import { hashPassword, verifyPassword } from '../auth/passwords.ts';
import { policies } from '../auth/permissions.ts';
import { recordAudit } from '../audit/service.ts';
import { matchesSearch } from '../db/search.ts';
import type { Database, User } from '../db/types.ts';
import { nowIso } from '../domain/time.ts';
import { cleanText, foldVietnamese } from '../domain/vietnamese.ts';
import { AppError } from '../errors.ts';
import { pageOf } from '../http/schemas.ts';
import { findOrg } from '../orgs/service.ts';
import { presentUser } from './presenter.ts';
import type { UserCreateInput, UserListQuery, UserPreferencesInput, UserUpdateInput } from './schemas.ts';

export async function findUser(db: Kysely<Database>, id: number): Promise<User> {
  const user = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  if (!user) throw new AppError('not_found', `Không tìm thấy người dùng #${id}.`);
  return user;
}

export async function listUsers(db: Kysely<Database>, actor: Actor, q: UserListQuery) {
  if (!policies.user.list(actor)) throw new AppError('forbidden');
  let base = db.selectFrom('users');
  if (q.orgId) base = base.where('org_id', '=', q.orgId);
  if (q.role) base = base.where('role', '=', q.role);
  if (q.q) base = base.where(matchesSearch('name_search', q.q));
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const ordered =
    q.sort === 'username' ? base.orderBy('username') : q.sort === 'role' ? base.orderBy('role').orderBy('username') : base.orderBy('name_search', q.sort === '-name' ? 'desc' : 'asc');
  const rows = await ordered.selectAll().orderBy('id').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
  return pageOf(rows.map(presentUser), Number(total), q.page, q.pageSize);
}

export async function readUser(db: Kysely<Database>, actor: Actor, id: number) {
  // Judged before the lookup, so a refusal does not tell whether the account exists.
  if (!policies.user.read(actor, { id })) throw new AppError('forbidden');
  return presentUser(await findUser(db, id));
}

export async function createUser(db: Kysely<Database>, actor: Actor, input: UserCreateInput) {
  if (!policies.user.write(actor)) throw new AppError('forbidden');
  const passwordHash = await hashPassword(input.password);
  const user = await db.transaction().execute(async (trx) => {
    await findOrg(trx, input.orgId);
    const clash = await trx.selectFrom('users').select('id').where('username', '=', input.username).executeTakeFirst();
    if (clash) throw new AppError('conflict', `Tên đăng nhập "${input.username}" đã được dùng.`);
    const now = nowIso();
    const row = await trx
      .insertInto('users')
      .values({
        username: input.username,
        full_name: cleanText(input.fullName),
        email: input.email ?? null,
        title: input.title ?? null,
        phone: input.phone ?? null,
        org_id: input.orgId,
        role: input.role,
        password_hash: passwordHash,
        active: 1,
        locale: input.locale ?? 'vi',
        name_search: foldVietnamese(`${input.fullName} ${input.username} ${input.email ?? ''}`),
        password_changed_at: now,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, { action: 'create', entityType: 'user', entityId: row.id, after: presentUser(row) });
    return row;
  });
  return presentUser(user);
}

export async function updateUser(db: Kysely<Database>, actor: Actor, id: number, input: UserUpdateInput) {
  if (!policies.user.write(actor)) throw new AppError('forbidden');
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  const user = await db.transaction().execute(async (trx) => {
    const before = await findUser(trx, id);
    if (input.orgId) await findOrg(trx, input.orgId);
    if (id === actor.userId && (input.active === false || (input.role && input.role !== 'admin'))) {
      throw new AppError('invalid_state', 'Không thể tự vô hiệu hóa hoặc bỏ quyền quản trị của chính mình.');
    }
    const fullName = input.fullName ?? before.full_name;
    const email = input.email === undefined ? before.email : input.email;
    const now = nowIso();
    const row = await trx
      .updateTable('users')
      .set({
        full_name: cleanText(fullName),
        email,
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.phone !== undefined ? { phone: input.phone } : {}),
        ...(input.orgId ? { org_id: input.orgId } : {}),
        ...(input.role ? { role: input.role } : {}),
        ...(input.active !== undefined ? { active: input.active ? 1 : 0 } : {}),
        ...(input.locale ? { locale: input.locale } : {}),
        ...(passwordHash ? { password_hash: passwordHash, password_changed_at: now, failed_logins: 0, locked_until: null } : {}),
        name_search: foldVietnamese(`${fullName} ${before.username} ${email ?? ''}`),
        updated_at: now,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    // A reset password, a deactivation or a new role ends the user's open sessions.
    if (passwordHash || input.active === false || (input.role && input.role !== before.role) || (input.orgId && input.orgId !== before.org_id)) {
      await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
    }
    // A reset password or a deactivation also ends every API token the account made.
    if (passwordHash || input.active === false) {
      await trx.updateTable('api_tokens').set({ revoked_at: now }).where('user_id', '=', id).where('revoked_at', 'is', null).execute();
    }
    await recordAudit(trx, actor, {
      action: passwordHash ? 'update_with_password_reset' : 'update',
      entityType: 'user',
      entityId: id,
      before: presentUser(before),
      after: presentUser(row),
    });
    return row;
  });
  return presentUser(user);
}

export async function updatePreferences(db: Kysely<Database>, actor: Actor, input: UserPreferencesInput) {
  const user = await db.transaction().execute(async (trx) => {
    const before = await findUser(trx, actor.userId);
    const row = await trx
      .updateTable('users')
      .set({
        ...(input.locale ? { locale: input.locale } : {}),
        ...(input.mailMode ? { mail_mode: input.mailMode } : {}),
        ...(input.email !== undefined ? { email: input.email } : {}),
        ...(input.phone !== undefined ? { phone: input.phone } : {}),
        updated_at: nowIso(),
      })
      .where('id', '=', actor.userId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, { action: 'update_preferences', entityType: 'user', entityId: actor.userId, before: presentUser(before), after: presentUser(row) });
    return row;
  });
  return presentUser(user);
}

export async function changeOwnPassword(db: Kysely<Database>, actor: Actor, currentPassword: string, newPassword: string, keepSessionId: string | null) {
  const user = await findUser(db, actor.userId);
  if (!(await verifyPassword(user.password_hash, currentPassword))) {
    throw new AppError('validation_failed', 'Mật khẩu hiện tại không đúng.', { fields: [{ field: 'body.currentPassword', message: 'Mật khẩu hiện tại không đúng' }] });
  }
  const passwordHash = await hashPassword(newPassword);
  await db.transaction().execute(async (trx) => {
    const now = nowIso();
    await trx.updateTable('users').set({ password_hash: passwordHash, password_changed_at: now, updated_at: now }).where('id', '=', user.id).execute();
    // Other devices are signed out; this one stays.
    let others = trx.deleteFrom('sessions').where('user_id', '=', user.id);
    if (keepSessionId) others = others.where('id', '!=', keepSessionId);
    await others.execute();
    await trx.updateTable('api_tokens').set({ revoked_at: now }).where('user_id', '=', user.id).where('revoked_at', 'is', null).execute();
    await recordAudit(trx, actor, { action: 'change_password', entityType: 'user', entityId: user.id });
  });
}
