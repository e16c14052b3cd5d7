import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor.ts';
import { chunks } from '../db/batches.ts';
import { policies } from '../auth/permissions.ts';
import { recordAudit } from '../audit/service.ts';
import type { Database } from '../db/types.ts';
import { applyDirectiveUpdate, insertDirective, insertSection } from '../directives/service.ts';
import { nowIso } from '../domain/time.ts';
import { cleanText, foldVietnamese } from '../domain/vietnamese.ts';
import { AppError } from '../errors.ts';
import { resolveOrgName } from '../orgs/resolve.ts';
import type { TaskCreateInput } from '../tasks/schemas.ts';
import { applyTaskUpdate, insertTasks } from '../tasks/service.ts';
import { findExisting } from './preview.ts';
import type { ImportPreview, PreviewOrg } from './schemas.ts';

export interface ImportResult {
  directiveId: number;
  created: boolean;
  tasks: { added: number; updated: number; unchanged: number };
  sections: number;
  indicators: { added: number; updated: number };
}

/** "Lê Ngọc Châu, TM. Ủy ban nhân dân, Chủ tịch" → the person, and the authority lines of the signature block. */
export function splitSigner(signer: string | null | undefined): { name: string | null; title: string | null } {
  if (!signer) return { name: null, title: null };
  const [name, ...rest] = signer.split(',').map((s) => s.trim());
  return { name: name || null, title: rest.length ? rest.join(', ') : null };
}

const orgRef = (o: PreviewOrg) => ({ name: o.text, orgId: o.orgId ?? null });

/**
 * Writes a confirmed preview in one transaction: the directive (or its update when the same number exists),
 * sections, tasks with their agencies and assignments, indicators. Importing the same document again updates
 * what changed and never duplicates.
 */
export async function commitImport(db: Kysely<Database>, actor: Actor, preview: ImportPreview, fullText: string | null): Promise<ImportResult> {
  if (preview.tasks.length === 0 && preview.indicators.length === 0) {
    throw new AppError('validation_failed', 'Không tìm thấy nhiệm vụ hay chỉ tiêu nào trong văn bản; không có gì để nhập.');
  }
  const header = preview.directive;
  if (!header.kind) throw new AppError('validation_failed', 'Chưa xác định loại văn bản (kế hoạch, thông báo, công văn…); hãy chọn trước khi xác nhận.');
  if (!header.title?.trim()) throw new AppError('validation_failed', 'Chưa có trích yếu của văn bản; hãy nhập trước khi xác nhận.');
  const kind = header.kind;
  const title = header.title;
  return db.transaction().execute(async (trx) => {
    const signer = splitSigner(header.signer);
    const existing = await findExisting(trx, header);
    const fields = {
      kind,
      title,
      issuerName: header.issuer,
      signerName: signer.name,
      signerTitle: signer.title,
      issuedOn: header.issuedOn,
      reportingDay: header.reportingDay,
      meetingDay: header.meetingDay,
      implements: header.implements,
      ...(fullText ? { fullText } : {}),
    };
    let directiveId: number;
    if (existing) {
      if (!policies.directive.manage(actor, existing)) throw new AppError('forbidden', 'Văn bản này đã có và do cơ quan khác theo dõi.');
      await applyDirectiveUpdate(trx, actor, existing.id, fields);
      directiveId = existing.id;
    } else {
      if (!policies.directive.create(actor)) throw new AppError('forbidden');
      const row = await insertDirective(trx, actor, { ...fields, number: header.number?.trim() || 'Chưa ghi số', coordinatorOrgId: actor.role === 'coordinator' ? actor.orgId : null });
      directiveId = row.id;
    }

    const sections = new Map((await trx.selectFrom('sections').select(['id', 'code']).where('directive_id', '=', directiveId).execute()).map((s) => [s.code, s.id]));
    let sectionsAdded = 0;
    for (const s of preview.sections) {
      if (sections.has(s.code)) continue;
      const row = await insertSection(trx, actor, directiveId, { code: s.code, title: s.title });
      sections.set(s.code, row.id);
      sectionsAdded++;
    }

    const current = new Map((await trx.selectFrom('tasks').selectAll().where('directive_id', '=', directiveId).execute()).map((t) => [t.ordinal, t]));
    const tasks = { added: 0, updated: 0, unchanged: 0 };
    let position = 0;
    const newTasks: TaskCreateInput[] = [];
    for (const t of preview.tasks) {
      const input = {
        sectionId: t.section ? (sections.get(t.section) ?? null) : null,
        title: t.title,
        product: t.product,
        deadlineText: t.deadline.text || null,
        dueOn: t.deadline.dueOn,
        leads: t.leads.map(orgRef),
        coordinators: t.coordinators.map(orgRef),
        sourceText: t.source,
        position: position++,
      };
      const before = current.get(t.ordinal);
      if (!before) {
        newTasks.push({ ...input, directiveId, ordinal: t.ordinal });
        continue;
      }
      const same = before.title === cleanText(t.title) && (before.product ?? null) === (t.product ? cleanText(t.product) : null) && (before.deadline_text ?? null) === input.deadlineText && before.section_id === input.sectionId;
      const orgsBefore = await trx.selectFrom('task_orgs').select(['role', 'name_as_written', 'org_id']).where('task_id', '=', before.id).orderBy('role').orderBy('position').execute();
      const orgsAfter = [...t.coordinators.map((o) => ['coordinator', cleanText(o.text), o.orgId ?? null]), ...t.leads.map((o) => ['lead', cleanText(o.text), o.orgId ?? null])];
      const sameOrgs = JSON.stringify(orgsBefore.map((o) => [o.role, o.name_as_written, o.org_id])) === JSON.stringify(orgsAfter);
      if (same && sameOrgs) {
        tasks.unchanged++;
        continue;
      }
      await applyTaskUpdate(trx, actor, before.id, input);
      tasks.updated++;
    }

    // New tasks go in together: a plan of 80 tasks is a few statements, not a few thousand round trips.
    tasks.added = (await insertTasks(trx, actor, newTasks)).length;

    const indicators = await upsertIndicators(trx, directiveId, preview.indicators);
    await recordAudit(trx, actor, { action: existing ? 'reimport' : 'import', entityType: 'directive', entityId: directiveId, after: { tasks, sections: sectionsAdded, indicators, warnings: preview.warnings.length } });
    return { directiveId, created: !existing, tasks, sections: sectionsAdded, indicators };
  });
}

/** Replaces the monitoring agencies of a directive's indicators; each name is resolved once. */
async function writeIndicatorOrgs(trx: Kysely<Database>, indicatorIds: readonly number[], monitors: readonly { indicatorId: number; orgId: number | null; text: string }[]) {
  for (const ids of chunks(indicatorIds)) await trx.deleteFrom('indicator_orgs').where('indicator_id', 'in', ids).execute();
  const resolved = new Map<string, number | null>();
  const rows = [];
  for (const m of monitors) {
    let orgId = m.orgId;
    if (orgId === null) {
      if (!resolved.has(m.text)) resolved.set(m.text, (await resolveOrgName(trx, m.text)).org?.id ?? null);
      orgId = resolved.get(m.text) ?? null;
    }
    rows.push({ indicator_id: m.indicatorId, org_id: orgId, name_as_written: m.text });
  }
  for (const batch of chunks(rows)) await trx.insertInto('indicator_orgs').values(batch).execute();
}

async function upsertIndicators(trx: Kysely<Database>, directiveId: number, list: ImportPreview['indicators']) {
  const existing = new Map((await trx.selectFrom('indicators').select(['id', 'code']).where('directive_id', '=', directiveId).execute()).map((i) => [i.code, i.id]));
  const result = { added: 0, updated: 0 };
  const monitors: { indicatorId: number; orgId: number | null; text: string }[] = [];
  const touched = new Set<number>();
  let position = 0;
  const now = nowIso();
  for (const ind of list) {
    const values = {
      parent_id: ind.parent ? (existing.get(ind.parent) ?? null) : null,
      name: cleanText(ind.name),
      unit: ind.unit,
      target_text: ind.target.text,
      target_operator: ind.target.op,
      target_value: ind.target.value,
      target_value_max: ind.target.value2,
      horizon_year: ind.horizonYear,
      position: position++,
      search_text: foldVietnamese(`${ind.code} ${ind.name}`),
      updated_at: now,
    };
    let id = existing.get(ind.code);
    if (id) {
      await trx.updateTable('indicators').set(values).where('id', '=', id).execute();
      result.updated++;
    } else {
      id = (await trx.insertInto('indicators').values({ ...values, directive_id: directiveId, code: ind.code, created_at: now }).returning('id').executeTakeFirstOrThrow()).id;
      existing.set(ind.code, id);
      result.added++;
    }
    touched.add(id);
    for (const m of ind.monitors) monitors.push({ indicatorId: id, orgId: m.orgId ?? null, text: m.text });
  }
  await writeIndicatorOrgs(trx, [...touched], monitors);
  return result;
}
