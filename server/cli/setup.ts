import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { ROLES, SYSTEM_ACTOR, isRole } from '../auth/actor.ts';
import type { Config } from '../config.ts';
import { openDatabase } from '../db/connection.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { provinceTemplate } from '../orgs/province-template.ts';
import { loadOrgTemplate } from '../orgs/template-loader.ts';
import { createUser } from '../users/service.ts';
import { fail } from './fail.ts';

function generatedPassword(): string {
  return randomBytes(9).toString('base64url');
}

/** `namro migrate`: apply the migrations and exit. */
export async function migrate(config: Config): Promise<void> {
  const handle = openDatabase(config.database);
  try {
    const applied = await migrateToLatest(handle.db);
    console.log(applied.length ? `Đã áp dụng: ${applied.join(', ')}` : 'CSDL đã ở phiên bản mới nhất.');
  } finally {
    await handle.close();
  }
}

/** `namro init`: the first installation — the province's agencies from the template and an administrator. */
export async function init(config: Config, args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { province: { type: 'string' }, code: { type: 'string' }, admin: { type: 'string' }, password: { type: 'string' } } });
  if (!values.province) fail('cần --province "Tên tỉnh", ví dụ --province "Hải Dương"');
  const handle = openDatabase(config.database);
  try {
    await migrateToLatest(handle.db);
    const existing = await handle.db.selectFrom('orgs').select('id').limit(1).execute();
    if (existing.length) fail('CSDL đã có danh mục cơ quan; "init" chỉ dùng cho lần cài đặt đầu tiên.');
    const ids = await loadOrgTemplate(handle.db, SYSTEM_ACTOR, provinceTemplate({ code: values.code ?? 'TINH', name: values.province }));
    const password = values.password ?? generatedPassword();
    const orgId = ids.get('VP-UBND-TTCNTT') ?? ids.get('UBND') ?? 0;
    const user = await createUser(handle.db, SYSTEM_ACTOR, { username: values.admin ?? 'admin', fullName: 'Quản trị hệ thống', role: 'admin', orgId, password });
    console.log(`Đã nạp ${ids.size} cơ quan, đơn vị của tỉnh ${values.province}.`);
    console.log(`Tài khoản quản trị: ${user.username}${values.password ? '' : ` — mật khẩu: ${password} (hãy đổi sau khi đăng nhập)`}`);
  } finally {
    await handle.close();
  }
}

/** `namro users create`: one account, with a generated password unless one is given. */
export async function usersCreate(config: Config, args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { username: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, org: { type: 'string' }, password: { type: 'string' }, email: { type: 'string' } },
  });
  if (!values.username || !values.name || !values.role || !values.org) fail('cần --username, --name, --role và --org');
  if (!isRole(values.role)) fail(`vai trò phải là một trong: ${ROLES.join(', ')}`);
  const handle = openDatabase(config.database);
  try {
    await migrateToLatest(handle.db);
    const org = await handle.db.selectFrom('orgs').select('id').where('code', '=', values.org).executeTakeFirst();
    if (!org) fail(`không có đơn vị mã "${values.org}"`);
    const password = values.password ?? generatedPassword();
    const user = await createUser(handle.db, SYSTEM_ACTOR, { username: values.username, fullName: values.name, role: values.role, orgId: org.id, password, email: values.email ?? null });
    console.log(`Đã tạo người dùng #${user.id} ${user.username}${values.password ? '' : ` — mật khẩu: ${password}`}`);
  } finally {
    await handle.close();
  }
}
