import { parseArgs } from 'node:util';
import { SYSTEM_ACTOR } from '../auth/actor.ts';
import type { Config } from '../config.ts';
import { rankAgencies } from '../scores/service.ts';
import { fail } from './fail.ts';
import { directiveIdByNumber } from './lookups.ts';
import { withDatabase } from './database.ts';

/** `namro scores --period 2025-05`: the agencies ranked for a month, as text or JSON. */
export async function scoresCommand(config: Config, args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { period: { type: 'string' }, directive: { type: 'string' }, json: { type: 'boolean' } } });
  if (!values.period || !/^\d{4}-\d{2}$/.test(values.period)) fail('cần --period dạng 2025-05');
  const period = values.period;
  await withDatabase(config.database, async (handle) => {
    const directiveId = await directiveIdByNumber(handle, values.directive);
    const rows = await rankAgencies(handle.db, SYSTEM_ACTOR, { period, ...(directiveId ? { directiveId } : {}) });
    if (values.json) process.stdout.write(`${JSON.stringify(rows)}\n`);
    else for (const r of rows) console.log(`${String(r.rank).padStart(3)}. ${r.orgName.padEnd(45)} ${r.score.total.toFixed(1).padStart(5)}  ${r.score.band}`);
  });
}
