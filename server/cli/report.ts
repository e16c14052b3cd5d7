import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { SYSTEM_ACTOR } from '../auth/actor.ts';
import type { Config } from '../config.ts';
import { agencyReportDocx, monthlyReportDocx } from '../documents/service.ts';
import { fail } from './fail.ts';
import { directiveIdByNumber, orgIdByName } from './lookups.ts';
import { withDatabase } from './database.ts';

/** `namro report monthly|agency`: the month's synthesis of a directive, or one agency's report (DOCX). */
export async function reportCommand(config: Config, args: string[]): Promise<void> {
  const options = { directive: { type: 'string' }, org: { type: 'string' }, period: { type: 'string' }, out: { type: 'string' }, opening: { type: 'string' }, proposals: { type: 'string' } } as const;
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options });
  const kind = positionals[0];
  if (kind !== 'monthly' && kind !== 'agency') fail('dùng: namro report monthly --directive … --period 2025-05 --out FILE, hoặc namro report agency --org "…" --period 2025-05 --out FILE');
  if (!values.period) fail('cần --period dạng 2025-05');
  if (!values.out) fail('cần --out FILE');
  if (kind === 'monthly' && !values.directive) fail('cần --directive SỐ_KÝ_HIỆU, ví dụ --directive 726/KH-UBND');
  const { period, out } = values;
  await withDatabase(config.database, async (handle) => {
    const directiveId = await directiveIdByNumber(handle, values.directive);
    const doc =
      kind === 'monthly'
        ? await monthlyReportDocx(handle.db, SYSTEM_ACTOR, { directiveId: directiveId ?? 0, period, opening: values.opening, proposals: values.proposals })
        : await agencyReportDocx(handle.db, SYSTEM_ACTOR, { orgId: await orgIdByName(handle, values.org), period, directiveId });
    writeFileSync(out, doc.file);
    console.log(`Đã lập ${out} (${Math.round(doc.file.length / 1024)} KB)`);
  });
}
