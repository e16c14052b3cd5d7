#!/usr/bin/env node
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { SYSTEM_ACTOR, ROLES, isRole } from './auth/actor.ts';
import { useFastHashing } from './auth/passwords.ts';
import { actorForUser } from './auth/sessions.ts';
import { agencyReportDocx, monthlyReportDocx } from './documents/service.ts';
import { exportTasksXlsx } from './exports/tasks-xlsx.ts';
import { commitImport } from './imports/commit.ts';
import { rankAgencies } from './scores/service.ts';
import type { ImportPreview } from './imports/schemas.ts';
import { previewDocument } from './imports/service.ts';
import { ConfigError, type Config, loadConfig } from './config.ts';
import { openDatabase } from './db/connection.ts';
import { migrateToLatest } from './db/migrate.ts';
import { DEMO_PASSWORD, DEMO_TODAY, DEMO_USERS, isDemoDatabase, seedDemo } from './demo/seed.ts';
import { formatVietnameseDate, runClockFrom, vietnamDate } from './domain/time.ts';
import { refreshAllStatuses } from './assignments/status.ts';
import { AppError } from './errors.ts';
import { startServer, stopOnSignals } from './main.ts';
import { provinceTemplate } from './orgs/province-template.ts';
import { resolveOrgName } from './orgs/resolve.ts';
import { loadOrgTemplate } from './orgs/template-loader.ts';
import { createUser } from './users/service.ts';

const HELP = `Năm Rõ — theo dõi nhiệm vụ của văn bản chỉ đạo

Cách dùng: namro <lệnh> [tùy chọn]

  serve                      chạy máy chủ (áp dụng migration trước)
  migrate                    chỉ áp dụng migration rồi thoát
  init --province "Tên tỉnh" [--code MÃ] [--admin TÊN] [--password P]
                             lần cài đặt đầu: nạp danh mục cơ quan theo mẫu (Nghị định 45/2025) và tạo tài khoản quản trị
  demo [--reset]             chạy bản trình diễn trên CSDL riêng (tạo dữ liệu mẫu lần đầu)
  users create --username U --name "Họ tên" --role R --org MÃ_ĐƠN_VỊ [--password P] [--email E]
  import-preview FILE [--json]  đọc văn bản (DOCX, TXT) và in bản xem trước; không ghi gì
  import FILE [--as TÊN_ĐĂNG_NHẬP]  nhập văn bản sau cùng các bước kiểm tra; in những gì đã tạo
  export tasks --directive SỐ_KÝ_HIỆU --format xlsx --out FILE [--by-section]
                             xuất danh sách nhiệm vụ ra Excel
  scores --period 2025-05 [--directive SỐ_KÝ_HIỆU] [--json]
                             xếp hạng cơ quan trong tháng
  report monthly --directive SỐ_KÝ_HIỆU --period 2025-05 --out FILE [--opening "…"] [--proposals "…"]
                             báo cáo tổng hợp tháng (DOCX theo Nghị định 30/2020/NĐ-CP)
  report agency --org "Tên cơ quan" --period 2025-05 [--directive SỐ_KÝ_HIỆU] --out FILE
                             báo cáo tình hình thực hiện nhiệm vụ của một cơ quan (DOCX)
  backup --out FILE          sao lưu trực tuyến (SQLite); với PostgreSQL in lệnh pg_dump cần dùng
  restore --from FILE        khôi phục SQLite từ bản sao lưu (máy chủ phải dừng)

Cấu hình qua biến môi trường: DATABASE_URL, HOST, PORT, PUBLIC_URL, SMTP_URL, SESSION_SECRET, DATA_DIR (xem README).`;

function fail(message: string): never {
  console.error(`Lỗi: ${message}`);
  process.exit(2);
}

async function serve(config: Config) {
  const server = await startServer(config, { logger: true });
  stopOnSignals(server);
  console.log(`Năm Rõ đang chạy tại ${server.url} (CSDL: ${config.database.dialect})`);
}

async function migrate(config: Config) {
  const handle = openDatabase(config.database);
  try {
    const applied = await migrateToLatest(handle.db);
    console.log(applied.length ? `Đã áp dụng: ${applied.join(', ')}` : 'CSDL đã ở phiên bản mới nhất.');
  } finally {
    await handle.close();
  }
}

async function demo(reset: boolean) {
  // The demo lives in its own database unless DATABASE_URL names one explicitly; `npm start` never uses it.
  // The sample data runs to October 2025: the demo's business clock starts on 10/11/2025 so that it is current
  // (NAMRO_TODAY=now runs it on the real date).
  const env = { ...process.env, DATABASE_URL: process.env.DATABASE_URL ?? 'sqlite:./data/demo.db', NAMRO_TODAY: process.env.NAMRO_TODAY ?? DEMO_TODAY };
  const config = loadConfig(env);
  if (reset && process.env.DATABASE_URL) {
    // Never wipe a database that is not the demo's own: DATABASE_URL may point at real work.
    const probe = openDatabase(config.database);
    await migrateToLatest(probe.db);
    const hasData = (await probe.db.selectFrom('orgs').select('id').limit(1).execute()).length > 0;
    const isDemo = await isDemoDatabase(probe.db);
    await probe.close();
    if (hasData && !isDemo) fail('DATABASE_URL trỏ tới một CSDL không phải CSDL trình diễn; không xóa. Bỏ DATABASE_URL để dùng data/demo.db.');
  }
  if (reset) {
    if (config.database.dialect === 'sqlite') {
      for (const suffix of ['', '-wal', '-shm']) rmSync(config.database.path + suffix, { force: true });
    } else {
      const handle = openDatabase(config.database);
      await sql`DROP SCHEMA public CASCADE`.execute(handle.db);
      await sql`CREATE SCHEMA public`.execute(handle.db);
      await handle.close();
    }
    console.log('Đã xóa dữ liệu trình diễn cũ.');
  }
  // Seed and compute every status on the demo's own date, also for a demo database seeded earlier.
  if (config.businessDate) runClockFrom(config.businessDate);
  const handle = openDatabase(config.database);
  await migrateToLatest(handle.db);
  const summary = await seedDemo(handle.db);
  await refreshAllStatuses(handle.db, vietnamDate(), { everyTask: true });
  await handle.close();
  if (summary) {
    console.log(
      `Đã tạo dữ liệu mẫu: ${summary.orgs} cơ quan, ${summary.directives} văn bản, ${summary.tasks} nhiệm vụ, ${summary.assignments} phân công, ${summary.reports} báo cáo.`,
    );
  }
  const server = await startServer(config, { logger: false });
  stopOnSignals(server);
  console.log(`\nNăm Rõ (bản trình diễn) đang chạy tại ${server.url} — CSDL: ${config.database.dialect}`);
  if (config.businessDate) console.log(`Ngày làm việc của bản trình diễn: ${formatVietnameseDate(config.businessDate)} (NAMRO_TODAY=now để dùng ngày thật)`);
  console.log(`Tài khoản (mật khẩu chung: ${DEMO_PASSWORD}):`);
  for (const u of DEMO_USERS) console.log(`  ${u.username.padEnd(15)} ${u.role.padEnd(14)} ${u.org}`);
}

function generatedPassword(): string {
  return randomBytes(9).toString('base64url');
}

async function init(config: Config, args: string[]) {
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

async function usersCreate(config: Config, args: string[]) {
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

async function importCommand(config: Config, args: string[], commit: boolean) {
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

/** The CLI reads as the system (an admin) and is recorded as such in the audit log. */
async function directiveIdByNumber(handle: ReturnType<typeof openDatabase>, number: string | undefined): Promise<number | undefined> {
  if (!number) return undefined;
  const row = await handle.db.selectFrom('directives').select('id').where('number', '=', number).executeTakeFirst();
  if (!row) fail(`không có văn bản "${number}"`);
  return row.id;
}

async function exportCommand(config: Config, args: string[]) {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { directive: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, 'by-section': { type: 'boolean' } } });
  if (positionals[0] !== 'tasks') fail('dùng: namro export tasks --directive … --format xlsx --out FILE');
  if ((values.format ?? 'xlsx') !== 'xlsx') fail('định dạng hỗ trợ: xlsx');
  if (!values.out) fail('cần --out FILE');
  const handle = openDatabase(config.database);
  try {
    const directiveId = await directiveIdByNumber(handle, values.directive);
    const file = await exportTasksXlsx(handle.db, SYSTEM_ACTOR, { sort: 'position', ...(directiveId ? { directiveId } : {}) }, { bySection: Boolean(values['by-section']) });
    writeFileSync(values.out, file);
    console.log(`Đã xuất ${values.out} (${Math.round(file.length / 1024)} KB)`);
  } finally {
    await handle.close();
  }
}

async function scoresCommand(config: Config, args: string[]) {
  const { values } = parseArgs({ args, options: { period: { type: 'string' }, directive: { type: 'string' }, json: { type: 'boolean' } } });
  if (!values.period || !/^\d{4}-\d{2}$/.test(values.period)) fail('cần --period dạng 2025-05');
  const handle = openDatabase(config.database);
  try {
    const directiveId = await directiveIdByNumber(handle, values.directive);
    const rows = await rankAgencies(handle.db, SYSTEM_ACTOR, { period: values.period, ...(directiveId ? { directiveId } : {}) });
    if (values.json) process.stdout.write(`${JSON.stringify(rows)}\n`);
    else for (const r of rows) console.log(`${String(r.rank).padStart(3)}. ${r.orgName.padEnd(45)} ${r.score.total.toFixed(1).padStart(5)}  ${r.score.band}`);
  } finally {
    await handle.close();
  }
}

/** An org named as documents write it ("Sở Y tế", "Sở KH&CN") or by its code ("SO-YT"). */
async function orgIdByName(handle: ReturnType<typeof openDatabase>, name: string | undefined): Promise<number> {
  if (!name) fail('cần --org "Tên cơ quan"');
  const byCode = await handle.db.selectFrom('orgs').select('id').where('code', '=', name).executeTakeFirst();
  if (byCode) return byCode.id;
  const resolved = await resolveOrgName(handle.db, name);
  if (resolved.status !== 'resolved' || !resolved.org) fail(`không tìm thấy cơ quan "${name}"`);
  return resolved.org.id;
}

async function reportCommand(config: Config, args: string[]) {
  const options = { directive: { type: 'string' }, org: { type: 'string' }, period: { type: 'string' }, out: { type: 'string' }, opening: { type: 'string' }, proposals: { type: 'string' } } as const;
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options });
  const kind = positionals[0];
  if (kind !== 'monthly' && kind !== 'agency') fail('dùng: namro report monthly --directive … --period 2025-05 --out FILE, hoặc namro report agency --org "…" --period 2025-05 --out FILE');
  if (!values.period) fail('cần --period dạng 2025-05');
  if (!values.out) fail('cần --out FILE');
  if (kind === 'monthly' && !values.directive) fail('cần --directive SỐ_KÝ_HIỆU, ví dụ --directive 726/KH-UBND');
  const handle = openDatabase(config.database);
  try {
    const directiveId = await directiveIdByNumber(handle, values.directive);
    const doc =
      kind === 'monthly'
        ? await monthlyReportDocx(handle.db, SYSTEM_ACTOR, { directiveId: directiveId ?? 0, period: values.period, opening: values.opening, proposals: values.proposals })
        : await agencyReportDocx(handle.db, SYSTEM_ACTOR, { orgId: await orgIdByName(handle, values.org), period: values.period, directiveId });
    writeFileSync(values.out, doc.file);
    console.log(`Đã lập ${values.out} (${Math.round(doc.file.length / 1024)} KB)`);
  } finally {
    await handle.close();
  }
}

async function backup(config: Config, args: string[]) {
  const { values } = parseArgs({ args, options: { out: { type: 'string' } } });
  if (!values.out) fail('cần --out FILE');
  if (config.database.dialect === 'postgres') {
    console.log('PostgreSQL: dùng công cụ của PostgreSQL để có bản sao nhất quán:');
    console.log(`  pg_dump --format=custom --file=${values.out} "${config.database.url}"`);
    console.log(`Khôi phục: pg_restore --clean --if-exists --dbname="${config.database.url}" ${values.out}`);
    return;
  }
  const handle = openDatabase(config.database);
  try {
    // The SQLite online backup API copies a consistent snapshot while the server keeps writing.
    await handle.sqlite?.backup(values.out);
    console.log(`Đã sao lưu ${config.database.path} → ${values.out}`);
  } finally {
    await handle.close();
  }
}

function restore(config: Config, args: string[]) {
  const { values } = parseArgs({ args, options: { from: { type: 'string' } } });
  if (!values.from) fail('cần --from FILE');
  if (config.database.dialect === 'postgres') fail('với PostgreSQL hãy dùng pg_restore (xem "namro backup")');
  if (!existsSync(values.from)) fail(`không có tệp ${values.from}`);
  const check = new SQLite(values.from, { readonly: true, fileMustExist: true });
  const result = check.pragma('integrity_check', { simple: true });
  check.close();
  if (result !== 'ok') fail(`bản sao lưu hỏng: ${String(result)}`);
  for (const suffix of ['-wal', '-shm']) rmSync(config.database.path + suffix, { force: true });
  copyFileSync(values.from, config.database.path);
  console.log(`Đã khôi phục ${values.from} → ${config.database.path}. Khởi động lại máy chủ.`);
}

async function main(argv: string[]) {
  const [command, sub, ...rest] = argv;
  if (!command || command === 'help' || command === '--help') {
    console.log(HELP);
    return;
  }
  if (command === 'demo') return demo(argv.includes('--reset'));
  const config = loadConfig();
  useFastHashing(config.fastHash);
  switch (command) {
    case 'serve':
      return serve(config);
    case 'migrate':
      return migrate(config);
    case 'init':
      return init(config, [sub ?? '', ...rest].filter(Boolean));
    case 'users':
      if (sub !== 'create') fail('dùng: namro users create …');
      return usersCreate(config, rest);
    case 'import-preview':
      return importCommand(config, [sub ?? '', ...rest].filter(Boolean), false);
    case 'import':
      return importCommand(config, [sub ?? '', ...rest].filter(Boolean), true);
    case 'export':
      return exportCommand(config, [sub ?? '', ...rest].filter(Boolean));
    case 'scores':
      return scoresCommand(config, [sub ?? '', ...rest].filter(Boolean));
    case 'report':
      return reportCommand(config, [sub ?? '', ...rest].filter(Boolean));
    case 'backup':
      return backup(config, [sub ?? '', ...rest].filter(Boolean));
    case 'restore':
      return restore(config, [sub ?? '', ...rest].filter(Boolean));
    default:
      fail(`không có lệnh "${command}"\n\n${HELP}`);
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof ConfigError) fail(err.message);
  if (err instanceof AppError) fail(err.message);
  console.error(err);
  process.exit(1);
});
