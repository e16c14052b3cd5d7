import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor.ts';
import { recordAudit } from '../audit/service.ts';
import type { Database } from '../db/types.ts';
import { AppError } from '../errors.ts';
import type { TemplateOrg } from './province-template.ts';
import { forgetOrgSubtrees } from './scope.ts';
import { insertOrg } from './service.ts';

/**
 * Loads an organisation directory (the province template, a district list) in one transaction:
 * parents before children, then the successor links of merged or renamed bodies.
 * Codes already present are left as they are, so loading twice is harmless.
 */
export async function loadOrgTemplate(db: Kysely<Database>, actor: Actor, entries: readonly TemplateOrg[]): Promise<Map<string, number>> {
  const ids = await db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('orgs').select(['id', 'code']).execute();
    const byCode = new Map(existing.map((o) => [o.code, o.id]));
    let position = existing.length;
    for (const e of entries) {
      if (byCode.has(e.code)) continue;
      const parentId = e.parent ? byCode.get(e.parent) : null;
      if (e.parent && !parentId) throw new AppError('validation_failed', `Mẫu danh mục: đơn vị cấp trên "${e.parent}" của "${e.code}" chưa có.`);
      const row = await insertOrg(trx, actor, {
        code: e.code,
        name: e.name,
        shortName: e.shortName ?? null,
        kind: e.kind,
        parentId: parentId ?? null,
        aliases: e.aliases ?? [],
        validFrom: e.validFrom ?? null,
        validTo: e.validTo ?? null,
        memberKinds: e.memberKinds ?? null,
        position: position++,
      });
      byCode.set(e.code, row.id);
    }
    for (const e of entries) {
      for (const s of e.successors ?? []) {
        const predecessor = byCode.get(e.code);
        const successor = byCode.get(s.code);
        if (!predecessor || !successor) throw new AppError('validation_failed', `Mẫu danh mục: không tìm thấy đơn vị kế thừa "${s.code}".`);
        const known = await trx.selectFrom('org_successions').select('kind').where('predecessor_id', '=', predecessor).where('successor_id', '=', successor).executeTakeFirst();
        if (known) continue;
        const link = { predecessor_id: predecessor, successor_id: successor, kind: s.kind, effective_on: s.effectiveOn, note: null };
        await trx.insertInto('org_successions').values(link).execute();
        await recordAudit(trx, actor, { action: 'create', entityType: 'org_succession', entityId: `${predecessor}>${successor}`, after: link });
      }
    }
    return byCode;
  });
  forgetOrgSubtrees();
  return ids;
}
