import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import type { Config } from '../config.ts';
import { fail } from './fail.ts';
import { withDatabase } from './database.ts';

/** `namro backup --out FILE`: an online SQLite backup; for PostgreSQL, the pg_dump command to use. */
export async function backup(config: Config, args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { out: { type: 'string' } } });
  if (!values.out) fail('cần --out FILE');
  if (config.database.dialect === 'postgres') {
    console.log('PostgreSQL: dùng công cụ của PostgreSQL để có bản sao nhất quán:');
    console.log(`  pg_dump --format=custom --file=${values.out} "${config.database.url}"`);
    console.log(`Khôi phục: pg_restore --clean --if-exists --dbname="${config.database.url}" ${values.out}`);
    return;
  }
  const out = values.out;
  // The SQLite online backup API copies a consistent snapshot while the server keeps writing.
  await withDatabase(config.database, async (handle) => handle.sqlite?.backup(out));
  console.log(`Đã sao lưu ${config.database.path} → ${out}`);
}

/** `namro restore --from FILE`: SQLite only, after an integrity check; the server must be stopped. */
export function restore(config: Config, args: string[]): void {
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
