import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { SYSTEM_ACTOR } from '../auth/actor.ts';
import type { Config } from '../config.ts';
import { exportTasksXlsx } from '../exports/tasks-xlsx.ts';
import { fail } from './fail.ts';
import { directiveIdByNumber } from './lookups.ts';
import { withDatabase } from './database.ts';

/** `namro export tasks`: the task list as an Excel workbook, read as the system (recorded as such). */
export async function exportCommand(config: Config, args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { directive: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, 'by-section': { type: 'boolean' } } });
  if (positionals[0] !== 'tasks') fail('dùng: namro export tasks --directive … --format xlsx --out FILE');
  if ((values.format ?? 'xlsx') !== 'xlsx') fail('định dạng hỗ trợ: xlsx');
  if (!values.out) fail('cần --out FILE');
  const out = values.out;
  await withDatabase(config.database, async (handle) => {
    const directiveId = await directiveIdByNumber(handle, values.directive);
    const file = await exportTasksXlsx(handle.db, SYSTEM_ACTOR, { sort: 'position', ...(directiveId ? { directiveId } : {}) }, { bySection: Boolean(values['by-section']) });
    writeFileSync(out, file);
    console.log(`Đã xuất ${out} (${Math.round(file.length / 1024)} KB)`);
  });
}
