import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { SYSTEM_ACTOR } from '../auth/actor.ts';
import { actorForUser } from '../auth/sessions.ts';
import type { Config } from '../config.ts';
import { commitImport } from '../imports/commit.ts';
import type { ImportPreview } from '../imports/schemas.ts';
import { previewDocument } from '../imports/service.ts';
import { fail } from './fail.ts';
import { withDatabase } from './database.ts';

/** `namro import-preview FILE [--json]` (writes nothing) and `namro import FILE [--as USER]`. */
export async function importCommand(config: Config, args: string[], commit: boolean): Promise<void> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' }, as: { type: 'string' } } });
  const file = positionals[0];
  if (!file) fail('cần đường dẫn tệp văn bản');
  if (!existsSync(file)) fail(`không có tệp ${file}`);
  await withDatabase(config.database, async ({ db }) => {
    const { preview, text } = await previewDocument(db, { bytes: readFileSync(file), filename: basename(file) });
    if (!commit) {
      if (values.json) process.stdout.write(`${JSON.stringify(preview)}\n`);
      else printPreview(preview);
      return;
    }
    let actor = SYSTEM_ACTOR;
    if (values.as) {
      const user = await db.selectFrom('users').selectAll().where('username', '=', values.as).executeTakeFirst();
      if (!user) fail(`không có người dùng "${values.as}"`);
      actor = await actorForUser(db, user, 'system');
    }
    const result = await commitImport(db, actor, preview, text);
    console.log(`${result.created ? 'Đã tạo' : 'Đã cập nhật'} văn bản #${result.directiveId}: nhiệm vụ +${result.tasks.added} mới, ${result.tasks.updated} cập nhật, ${result.tasks.unchanged} giữ nguyên; ${result.sections} mục mới; chỉ tiêu +${result.indicators.added} mới, ${result.indicators.updated} cập nhật.`);
    for (const w of preview.warnings) console.log(`  ! ${w.where}: ${w.message}`);
  }, { migrate: true });
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
