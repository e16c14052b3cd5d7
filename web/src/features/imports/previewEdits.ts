/**
 * The coordinator's corrections to an import preview, as pure functions (preview in, new preview out), so the
 * screens stay thin and the rules are tested on their own. Nothing is sent until the coordinator saves.
 */
import type { ImportPreview, PreviewHeader, PreviewIndicator, PreviewOrg, PreviewSection, PreviewTask } from './types.ts';

export function updateHeader(preview: ImportPreview, patch: Partial<PreviewHeader>): ImportPreview {
  return { ...preview, directive: { ...preview.directive, ...patch } };
}

export function updateSection(preview: ImportPreview, index: number, patch: Partial<PreviewSection>): ImportPreview {
  const before = preview.sections[index];
  if (!before) return preview;
  const sections = preview.sections.map((s, i) => (i === index ? { ...s, ...patch } : s));
  // A renamed section code carries its tasks along, so no task is left pointing at a code that no longer exists.
  const renamed = patch.code !== undefined && patch.code !== before.code;
  const tasks = renamed ? preview.tasks.map((t) => (t.section === before.code ? { ...t, section: patch.code ?? null } : t)) : preview.tasks;
  return { ...preview, sections, tasks };
}

export function updateTask(preview: ImportPreview, index: number, patch: Partial<PreviewTask>): ImportPreview {
  if (!preview.tasks[index]) return preview;
  return { ...preview, tasks: preview.tasks.map((t, i) => (i === index ? { ...t, ...patch } : t)) };
}

export function removeTask(preview: ImportPreview, index: number): ImportPreview {
  return { ...preview, tasks: preview.tasks.filter((_, i) => i !== index) };
}

export function updateIndicator(preview: ImportPreview, index: number, patch: Partial<PreviewIndicator>): ImportPreview {
  if (!preview.indicators[index]) return preview;
  return { ...preview, indicators: preview.indicators.map((t, i) => (i === index ? { ...t, ...patch } : t)) };
}

/** Names are grouped the way people read them: "Các đơn vị liên quan" and "các đơn vị liên quan" are one name. */
export function nameKey(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');
}

function everyOrg(preview: ImportPreview): PreviewOrg[] {
  return [...preview.tasks.flatMap((t) => [...t.leads, ...t.coordinators]), ...preview.indicators.flatMap((i) => i.monitors)];
}

export interface UnresolvedName {
  key: string;
  text: string;
  /** How many times the document names it (as lead, coordinator or monitor). */
  count: number;
}

/** The agency names the directory did not recognise, most frequent first. */
export function unresolvedNames(preview: ImportPreview): UnresolvedName[] {
  const byKey = new Map<string, UnresolvedName>();
  for (const org of everyOrg(preview)) {
    if (org.orgName) continue;
    const key = nameKey(org.text);
    const hit = byKey.get(key);
    if (hit) hit.count++;
    else byKey.set(key, { key, text: org.text, count: 1 });
  }
  return [...byKey.values()].sort((a, b) => b.count - a.count || a.text.localeCompare(b.text, 'vi'));
}

/** The org a name is currently mapped to (its first occurrence), or null. */
export function mappingOf(preview: ImportPreview, key: string): { orgId: number; orgName: string } | null {
  const org = everyOrg(preview).find((o) => nameKey(o.text) === key);
  return org?.orgId && org.orgName ? { orgId: org.orgId, orgName: org.orgName } : null;
}

/** An org picked from the directory, as the preview records it. */
export function pickedOrg(text: string, org: { id: number; name: string; kind: string }): PreviewOrg {
  return { text, orgId: org.id, orgName: org.name, external: org.kind === 'external', collective: false, members: 1, replaced: null };
}

/** Maps every occurrence of a name (leads, coordinators, monitors) to one org of the directory, or back to unknown. */
export function mapOrgName(preview: ImportPreview, key: string, org: { id: number; name: string; kind: string } | null): ImportPreview {
  const map = (o: PreviewOrg): PreviewOrg => {
    if (nameKey(o.text) !== key) return o;
    return org ? pickedOrg(o.text, org) : { ...o, orgId: null, orgName: null, external: false, collective: false, members: 0, replaced: null };
  };
  return {
    ...preview,
    tasks: preview.tasks.map((t) => ({ ...t, leads: t.leads.map(map), coordinators: t.coordinators.map(map) })),
    indicators: preview.indicators.map((i) => ({ ...i, monitors: i.monitors.map(map) })),
  };
}

/** The reader's overall confidence: the mean of the tasks' confidence (1 with no tasks). */
export function averageConfidence(preview: ImportPreview): number {
  if (!preview.tasks.length) return 1;
  return preview.tasks.reduce((sum, t) => sum + t.confidence, 0) / preview.tasks.length;
}

/** Below this a task is shown as "check it against the original". */
export const LOW_CONFIDENCE = 0.7;

export function lowConfidenceCount(preview: ImportPreview): number {
  return preview.tasks.filter((t) => t.confidence < LOW_CONFIDENCE).length;
}

/** What must be filled before the server accepts a confirmation (it checks again). */
export function missingBeforeConfirm(preview: ImportPreview): ('kind' | 'title')[] {
  const missing: ('kind' | 'title')[] = [];
  if (!preview.directive.kind) missing.push('kind');
  if (!preview.directive.title?.trim()) missing.push('title');
  return missing;
}
