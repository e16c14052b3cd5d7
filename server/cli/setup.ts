import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { ROLES, SYSTEM_ACTOR, isRole } from '../auth/actor.ts';
import type { Config } from '../config.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { provinceTemplate } from '../orgs/province-template.ts';
import { loadOrgTemplate } from '../orgs/template-loader.ts';
import { createUser } from '../users/service.ts';
import { fail } from './fail.ts';
import { withDatabase } from './database.ts';

function generatedPassword(): string {
  return randomBytes(9).toString('base64url');
}

/** `namro migrate`: apply the migrations and exit. */
export async function migrate(config: Config): Promise<void> {
  const applied = await withDatabase(config.database, (handle) => migrateToLatest(handle.db));
  console.log(applied.length ? `Đã áp dụng: ${applied.join(', ')}` : 'CSDL đã ở phiên bản mới nhất.');
}

/** `namro init`: the first installation — the province's agencies from the template and an administrator. */
export async function init(config: Config, args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { province: { type: 'string' }, code: { type: 'string' }, admin: { type: 'string' }, password: { type: 'string' } } });
  if (!values.province) fail('cần --province "Tên tỉnh", ví dụ --province "Hải Dương"');
  const province = values.province;
  await withDatabase(
    config.database,
    async ({ db }) => {
      const existing = await db.selectFrom('orgs').select('id').limit(1).execute();
      if (existing.length) fail('CSDL đã có danh mục cơ quan; "init" chỉ dùng cho lần cài đặt đầu tiên.');
      const ids = await loadOrgTemplate(db, SYSTEM_ACTOR, provinceTemplate({ code: values.code ?? 'TINH', name: province }));
      const password = values.password ?? generatedPassword();
      const orgId = ids.get('VP-UBND-TTCNTT') ?? ids.get('UBND') ?? 0;
      const user = await createUser(db, SYSTEM_ACTOR, { username: values.admin ?? 'admin', fullName: 'Quản trị hệ thống', role: 'admin', orgId, password });
      console.log(`Đã nạp ${ids.size} cơ quan, đơn vị của tỉnh ${province}.`);
      console.log(`Tài khoản quản trị: ${user.username}${values.password ? '' : ` — mật khẩu: ${password} (hãy đổi sau khi đăng nhập)`}`);
    },
    { migrate: true },
  );
}

/** `namro users create`: one account, with a generated password unless one is given. */
export async function usersCreate(config: Config, args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { username: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, org: { type: 'string' }, password: { type: 'string' }, email: { type: 'string' } },
  });
  if (!values.username || !values.name || !values.role || !values.org) fail('cần --username, --name, --role và --org');
  if (!isRole(values.role)) fail(`vai trò phải là một trong: ${ROLES.join(', ')}`);
  const { username, name, role, org: orgCode } = values;
  await withDatabase(
    config.database,
    async ({ db }) => {
      const org = await db.selectFrom('orgs').select('id').where('code', '=', orgCode).executeTakeFirst();
      if (!org) fail(`không có đơn vị mã "${orgCode}"`);
      const password = values.password ?? generatedPassword();
      const user = await createUser(db, SYSTEM_ACTOR, { username, fullName: name, role, orgId: org.id, password, email: values.email ?? null });
      console.log(`Đã tạo người dùng #${user.id} ${user.username}${values.password ? '' : ` — mật khẩu: ${password}`}`);
    },
    { migrate: true },
  );
}
