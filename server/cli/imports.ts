import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { SYSTEM_ACTOR } from '../auth/actor.ts';
import { actorForUser } from '../auth/sessions.ts';
import type { Config } from '../config.ts';
import { openDatabase } from '../db/connection.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { commitImport } from '../imports/commit.ts';
import type { ImportPreview } from '../imports/schemas.ts';
import { previewDocument } from '../imports/service.ts';
import { fail } from './fail.ts';

/** `namro import-preview FILE [--json]` (writes nothing) and `namro import FILE [--as USER]`. */
export async function importCommand(config: Config, args: string[], commit: boolean): Promise<void> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' }, as: { type: 'string' } } });
  const file = positionals[0];
  if (!file) fail('cần đường dẫn tệp văn bản');
  if (!existsSync(file)) fail(`không có tệp ${file}`);
  const handle = openDatabase(config.database);
  try {
    await migrateToLatest(handle.db);
    const { preview, text } = await previewDocument(handle.db, { bytes: readFileSync(file), filename: basename(file) });
    if (!commit) {
      if (values.json) process.stdout.write(`${JSON.stringify(preview)}\n`);
      else printPreview(preview);
      return;
    }
    let actor = SYSTEM_ACTOR;
    if (values.as) {
      const user = await handle.db.selectFrom('users').selectAll().where('username', '=', values.as).executeTakeFirst();
      if (!user) fail(`không có người dùng "${values.as}"`);
      actor = await actorForUser(handle.db, user, 'system');
    }
    const result = await commitImport(handle.db, actor, preview, text);
    console.log(`${result.created ? 'Đã tạo' : 'Đã cập nhật'} văn bản #${result.directiveId}: nhiệm vụ +${result.tasks.added} mới, ${result.tasks.updated} cập nhật, ${result.tasks.unchanged} giữ nguyên; ${result.sections} mục mới; chỉ tiêu +${result.indicators.added} mới, ${result.indicators.updated} cập nhật.`);
    for (const w of preview.warnings) console.log(`  ! ${w.where}: ${w.message}`);
  } finally {
    await handle.close();
  }
}

function printPreview(p: ImportPreview) {
  const d = p.directive;
  console.log(`${d.number ?? '(chưa có số)'} — ${d.kind ?? '?'} — ${d.issuedOn ?? '?'}\n${d.title ?? ''}`);
  console.log(`Thực hiện: ${d.implements.join(', ') || '—'}; báo cáo ngày ${d.reportingDay ?? '—'}, họp ngày ${d.meetingDay ?? '—'}`);
  console.log(`${p.sections.length} mục, ${p.tasks.length} nhiệm vụ, ${p.indicators.length} chỉ tiêu, ${p.warnings.length} cảnh báo, ${p.repairs} chữ được sửa`);
  for (const t of p.tasks) {
    const leads = t.leads.map((l) => l.orgName ?? `?${l.text}`).join('; ');
    console.log(`  ${t.section ? `${t.section}.` : ''}${t.ordinal}  ${t.title.slice(0, 80)}  [${leads}]  ${t.deadline.text}${t.deadline.dueOn ? ` → ${t.deadline.dueOn}` : ''}`);
  }
  for (const w of p.warnings) console.log(`  ! ${w.where}: ${w.message}`);
}
