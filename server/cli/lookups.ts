import type { DatabaseHandle } from '../db/connection.ts';
import { resolveOrgName } from '../orgs/resolve.ts';
import { fail } from './fail.ts';

/** A directive by its number as written ("726/KH-UBND"); none asked, none returned. */
export async function directiveIdByNumber(handle: DatabaseHandle, number: string | undefined): Promise<number | undefined> {
  if (!number) return undefined;
  const row = await handle.db.selectFrom('directives').select('id').where('number', '=', number).executeTakeFirst();
  if (!row) fail(`không có văn bản "${number}"`);
  return row.id;
}

/** An org named as documents write it ("Sở Y tế", "Sở KH&CN") or by its code ("SO-YT"). */
export async function orgIdByName(handle: DatabaseHandle, name: string | undefined): Promise<number> {
  if (!name) fail('cần --org "Tên cơ quan"');
  const byCode = await handle.db.selectFrom('orgs').select('id').where('code', '=', name).executeTakeFirst();
  if (byCode) return byCode.id;
  const resolved = await resolveOrgName(handle.db, name);
  if (resolved.status !== 'resolved' || !resolved.org) fail(`không tìm thấy cơ quan "${name}"`);
  return resolved.org.id;
}
