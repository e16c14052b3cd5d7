import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import type { ParsedDeadline } from '../domain/deadlines.ts';
import { vietnamDate } from '../domain/time.ts';
import { cleanText } from '../domain/vietnamese.ts';
import type { ParsedDirective } from '../importers/types.ts';
import { resolveOrgName } from '../orgs/resolve.ts';
import type { ImportPreview, PreviewOrg } from './schemas.ts';

type Warning = ImportPreview['warnings'][number];

/** Resolves every agency name once (documents repeat them), on today's directory: merged bodies to successors. */
function orgResolver(db: Kysely<Database>, warnings: Warning[]) {
  const cache = new Map<string, Promise<PreviewOrg>>();
  const today = vietnamDate();
  const resolve = async (text: string): Promise<PreviewOrg> => {
    const r = await resolveOrgName(db, text, today);
    if (r.status === 'unknown') return { text, orgId: null, orgName: null, external: false, collective: false, members: 0, replaced: null };
    return {
      text,
      orgId: r.org?.id ?? null,
      orgName: r.org?.name ?? null,
      external: r.org?.kind === 'external',
      collective: r.status === 'group',
      members: r.orgs.length,
      replaced: r.replaced?.name ?? null,
    };
  };
  return async (text: string, where: string): Promise<PreviewOrg> => {
    const key = cleanText(text);
    let hit = cache.get(key);
    if (!hit) {
      hit = resolve(key);
      cache.set(key, hit);
    }
    const org = await hit;
    if (!org.orgName) warnings.push({ code: 'unknown_org', message: `Chưa nhận diện được cơ quan "${text}"; hãy chọn cơ quan trong danh mục hoặc tạo mới.`, where });
    else if (org.replaced) warnings.push({ code: 'merged_org', message: `"${text}" đã hợp nhất; giao cho ${org.orgName}.`, where });
    return org;
  };
}

export function previewDeadline(d: ParsedDeadline) {
  return { text: d.text, dueOn: d.dueOn, precision: d.precision, ongoing: d.ongoing, annual: d.annual, condition: d.condition ?? null };
}

/** Numbers with the directory's names attached, and where this document already exists, what would change. */
export async function buildPreview(db: Kysely<Database>, parsed: ParsedDirective): Promise<ImportPreview> {
  const warnings: Warning[] = parsed.warnings.map((w) => ({ code: w.code, message: w.message, where: w.where }));
  const org = orgResolver(db, warnings);
  const tasks = [];
  for (const t of parsed.tasks) {
    const where = `Nhiệm vụ ${t.ordinal}`;
    tasks.push({
      ordinal: t.ordinal,
      section: t.section,
      title: t.title,
      leads: await Promise.all(t.leads.map((l) => org(l, `${where} — chủ trì`))),
      coordinators: await Promise.all(t.coordinators.map((c) => org(c, `${where} — phối hợp`))),
      product: t.product,
      deadline: previewDeadline(t.deadline),
      source: t.source,
      confidence: t.confidence,
    });
  }
  const indicators = [];
  for (const i of parsed.indicators) {
    indicators.push({
      code: i.code,
      parent: i.parent,
      name: i.name,
      unit: i.unit,
      target: { text: i.target.text, op: i.target.operator, value: i.target.value, value2: i.target.valueMax },
      horizonYear: i.horizonYear,
      monitors: await Promise.all(i.monitors.map((m) => org(m, `Chỉ tiêu ${i.code} — theo dõi`))),
    });
  }
  const preview: ImportPreview = {
    directive: parsed.directive,
    sections: parsed.sections,
    tasks,
    indicators,
    warnings,
    repairs: 'repairs' in parsed ? Number(parsed.repairs) : parsed.warnings.filter((w) => w.code === 'word_repaired').length,
    existing: null,
  };
  preview.existing = await compareWithExisting(db, preview);
  return preview;
}

/** The directive this document would update (same number and symbol), and its task-by-task difference. */
export async function findExisting(db: Kysely<Database>, header: ImportPreview['directive']) {
  const number = header.number?.trim();
  if (number && /^\d/.test(number)) return db.selectFrom('directives').selectAll().where('number', '=', number).executeTakeFirst();
  // A number left blank ("/TB-UBND") does not identify a document alone: the symbol, kind, date and title together do.
  if (!header.title?.trim()) return undefined;
  let q = db
    .selectFrom('directives')
    .selectAll()
    .where('number', '=', number || 'Chưa ghi số')
    .where('title', '=', cleanText(header.title));
  if (header.kind) q = q.where('kind', '=', header.kind);
  q = header.issuedOn ? q.where('issued_on', '=', header.issuedOn) : q.where('issued_on', 'is', null);
  return q.executeTakeFirst();
}

async function compareWithExisting(db: Kysely<Database>, preview: ImportPreview): Promise<ImportPreview['existing']> {
  const directive = await findExisting(db, preview.directive);
  if (!directive) return null;
  const current = await db.selectFrom('tasks').select(['ordinal', 'title', 'product', 'deadline_text']).where('directive_id', '=', directive.id).execute();
  const byOrdinal = new Map(current.map((t) => [t.ordinal, t]));
  const added: string[] = [];
  const changed: string[] = [];
  let unchanged = 0;
  for (const t of preview.tasks) {
    const before = byOrdinal.get(t.ordinal);
    if (!before) added.push(t.ordinal);
    else if (before.title !== cleanText(t.title) || (before.product ?? null) !== (t.product ? cleanText(t.product) : null) || (before.deadline_text ?? '') !== t.deadline.text) changed.push(t.ordinal);
    else unchanged++;
  }
  const seen = new Set(preview.tasks.map((t) => t.ordinal));
  return { directiveId: directive.id, added, changed, unchanged, missing: current.map((t) => t.ordinal).filter((o) => !seen.has(o)) };
}
