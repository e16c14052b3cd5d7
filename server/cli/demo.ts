import { rmSync } from 'node:fs';
import { sql } from 'kysely';
import { refreshAllStatuses } from '../assignments/status.ts';
import { loadConfig } from '../config.ts';
import { DEMO_PASSWORD, DEMO_TODAY, DEMO_USERS, isDemoDatabase, seedDemo } from '../demo/seed.ts';
import { formatVietnameseDate, runClockFrom, vietnamDate } from '../domain/time.ts';
import { startServer, stopOnSignals } from '../main.ts';
import { fail } from './fail.ts';
import { withDatabase } from './database.ts';

/** `namro demo [--reset]`: the demonstration on its own database, seeded the first time. */
export async function demo(args: string[]): Promise<void> {
  const reset = args.includes('--reset');
  // The demo lives in its own database unless DATABASE_URL names one explicitly; `npm start` never uses it.
  // The sample data runs to October 2025: the demo's business clock starts on 10/11/2025 so that it is current
  // (NAMRO_TODAY=now runs it on the real date).
  const env = { ...process.env, DATABASE_URL: process.env.DATABASE_URL ?? 'sqlite:./data/demo.db', NAMRO_TODAY: process.env.NAMRO_TODAY ?? DEMO_TODAY };
  const config = loadConfig(env);
  if (reset && process.env.DATABASE_URL) {
    // Never wipe a database that is not the demo's own: DATABASE_URL may point at real work.
    const { hasData, isDemo } = await withDatabase(
      config.database,
      async ({ db }) => ({ hasData: (await db.selectFrom('orgs').select('id').limit(1).execute()).length > 0, isDemo: await isDemoDatabase(db) }),
      { migrate: true },
    );
    if (hasData && !isDemo) fail('DATABASE_URL trỏ tới một CSDL không phải CSDL trình diễn; không xóa. Bỏ DATABASE_URL để dùng data/demo.db.');
  }
  if (reset) {
    if (config.database.dialect === 'sqlite') {
      for (const suffix of ['', '-wal', '-shm']) rmSync(config.database.path + suffix, { force: true });
    } else {
      await withDatabase(config.database, async ({ db }) => {
        await sql`DROP SCHEMA public CASCADE`.execute(db);
        await sql`CREATE SCHEMA public`.execute(db);
      });
    }
    console.log('Đã xóa dữ liệu trình diễn cũ.');
  }
  // Seed and compute every status on the demo's own date, also for a demo database seeded earlier.
  if (config.businessDate) runClockFrom(config.businessDate);
  const summary = await withDatabase(
    config.database,
    async ({ db }) => {
      const seeded = await seedDemo(db);
      await refreshAllStatuses(db, vietnamDate(), { everyTask: true });
      return seeded;
    },
    { migrate: true },
  );
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
