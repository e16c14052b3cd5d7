import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../../server/db/connection.ts';
import { migrateToLatest } from '../../../server/db/migrate.ts';
import { DEMO_TODAY, seedDemo } from '../../../server/demo/seed.ts';
import { refreshAllStatuses } from '../../../server/assignments/status.ts';
import { runClockFrom, vietnamDate } from '../../../server/domain/time.ts';

/** Seeds the demo province once into a SQLite file; each test file then works on its own copy. */
export async function buildDemoTemplate(): Promise<string> {
  process.env.NAMRO_FAST_HASH = '1';
  // The journeys run on the demo's business date, as `npm run demo` does.
  runClockFrom(DEMO_TODAY);
  const dir = mkdtempSync(join(tmpdir(), 'namro-e2e-template-'));
  const path = join(dir, 'demo.db');
  const handle = openDatabase({ dialect: 'sqlite', path });
  await migrateToLatest(handle.db);
  await seedDemo(handle.db);
  await refreshAllStatuses(handle.db, vietnamDate(), { everyTask: true });
  await handle.close();
  return path;
}

export function copyDemoDatabase(template: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'namro-e2e-'));
  const path = join(dir, 'demo.db');
  copyFileSync(template, path);
  return path;
}
