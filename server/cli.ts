#!/usr/bin/env node
import { useFastHashing } from './auth/passwords.ts';
import { fail } from './cli/fail.ts';
import { ConfigError, type Config, loadConfig } from './config.ts';
import { AppError } from './errors.ts';

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

type Command = (config: Config, args: string[]) => unknown;

// Each command loads only what it uses: `namro users create` need not load the web server, the DOCX writer or
// the Excel library (a second less per call).
const COMMANDS: Record<string, () => Promise<Command>> = {
  serve: async () => (await import('./cli/serve.ts')).serve,
  migrate: async () => (await import('./cli/setup.ts')).migrate,
  init: async () => (await import('./cli/setup.ts')).init,
  users: async () => (await import('./cli/setup.ts')).usersCreate, // only `users create`, checked below
  'import-preview': async () => {
    const { importCommand } = await import('./cli/imports.ts');
    return (config, args) => importCommand(config, args, false);
  },
  import: async () => {
    const { importCommand } = await import('./cli/imports.ts');
    return (config, args) => importCommand(config, args, true);
  },
  export: async () => (await import('./cli/export.ts')).exportCommand,
  scores: async () => (await import('./cli/scores.ts')).scoresCommand,
  report: async () => (await import('./cli/report.ts')).reportCommand,
  backup: async () => (await import('./cli/backup.ts')).backup,
  restore: async () => (await import('./cli/backup.ts')).restore,
};

async function main(argv: string[]) {
  const [command, sub, ...rest] = argv;
  if (!command || command === 'help' || command === '--help') {
    console.log(HELP);
    return;
  }
  // The demo reads its own configuration (its database and business date) before loading it.
  if (command === 'demo') return (await import('./cli/demo.ts')).demo(argv.slice(1));
  // A bad environment is reported before a bad command, as it always was.
  const config = loadConfig();
  useFastHashing(config.fastHash);
  if (command === 'users' && sub !== 'create') fail('dùng: namro users create …');
  const load = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!load) fail(`không có lệnh "${command}"\n\n${HELP}`);
  const run = await load();
  // `users create` takes its options as given (an empty --email "" included); the others never had empty words.
  return run(config, command === 'users' ? rest : [sub ?? '', ...rest].filter(Boolean));
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof ConfigError) fail(err.message);
  if (err instanceof AppError) fail(err.message);
  console.error(err);
  process.exit(1);
});
