import { readInstruction } from './assignment-clause.ts';
import { splitDeadline } from './deadline-phrase.ts';
import { capitaliseFirst, squeeze, trimTrailingPunctuation } from './normalise.ts';
import type { Outline, OutlineNode } from './outline.ts';
import type { Paragraph } from './paragraphs.ts';
import { unitsOf, type Unit } from './prose-units.ts';
import { isReportingRule } from './reporting-rule.ts';
import { splitSentences } from './sentences.ts';
import type { ParsedSection } from './types.ts';

/**
 * Tasks assigned in prose: conclusion notices and letters ("1. Giao Sở X chủ trì … hoàn thành trước ngày …"),
 * lettered items a)–n) each naming its agency, "Sở X chủ trì:" followed by bullets, and sentences that open with
 * a verb under an agency named above them ("yêu cầu các sở, ngành … thực hiện một số nội dung sau:").
 * Ordinals follow the items: "4", "4.a", "4.d.1"; several instructions in one item are "1.1", "1.2".
 */
export interface ProseTask {
  ordinal: string;
  section: string | null;
  title: string;
  leads: string[];
  coordinators: string[];
  deadlineText: string | null;
  source: string;
  line: number;
  explicitLead: boolean;
}

interface Context {
  leads: string[];
  coordinators: string[];
  deadlineText: string | null;
  /** The leads were named by a list's lead-in ("Sở X chủ trì:"): its bullets are that agency's tasks. */
  namedByIntro: boolean;
  /** What the lead-in asks for its listed objects ("Tham mưu thành lập:" then "- Tổ Công tác …"). */
  predicate: string;
}

const EMPTY: Context = { leads: [], coordinators: [], deadlineText: null, namedByIntro: false, predicate: '' };
const isCapitals = (text: string) => {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 3 && letters === letters.toUpperCase();
};
const REPORTING_ONLY = /^(?:định kỳ|báo cáo|gửi báo cáo|tổng hợp)(?![\p{L}])/iu;
const isBullet = (node: OutlineNode) => node.kind === 'bullet' || node.kind === 'subbullet';

interface UnitsResult {
  drafts: ProseTask[];
  childContext: Context;
  heading: string | null;
}

/** Reads an item's own units; the last one, ending with ":" before sub-items, hands its agencies down to them. */
function readUnits(units: Unit[], context: Context, hasChildren: boolean, isBulletItem: boolean): UnitsResult {
  const drafts: ProseTask[] = [];
  let leadsInForce = context.leads;
  let childContext = context;
  let heading: string | null = null;
  units.forEach((unit, k) => {
    // A heading in capitals ("V. TỔ CHỨC THỰC HIỆN") names a part; it assigns nothing.
    if (isCapitals(unit.text)) {
      heading ??= unit.text;
      return;
    }
    const read = readInstruction(unit.text, leadsInForce, { subjectNeedsRole: isBulletItem && context.namedByIntro });
    // The reporting rule ("Định kỳ vào ngày 20 hàng tháng, các sở … báo cáo") is the cycle, not a task, unless a named
    // agency is given more than the reporting ("Văn phòng … theo dõi, đôn đốc; báo cáo vào ngày 25 hàng tháng").
    if (isReportingRule(unit.text) && (!read?.explicitLead || REPORTING_ONLY.test(read.title))) return;
    // The lead-in of a list ends with ":" ("Sở X chủ trì:") or names only the agency and its role ("Sở X chủ trì").
    const introducesChildren = hasChildren && k === units.length - 1 && (/:\s*$/.test(unit.text) || (read !== null && !read.title));
    if (introducesChildren) {
      childContext = {
        leads: read?.leads ?? leadsInForce,
        coordinators: read && (read.explicitLead || read.coordinators.length) ? read.coordinators : context.coordinators,
        deadlineText: read?.deadlineText ?? context.deadlineText,
        namedByIntro: read?.explicitLead ?? context.namedByIntro,
        predicate: read?.explicitLead ? read.title : '',
      };
      if (!read?.explicitLead) heading = trimTrailingPunctuation(unit.text);
      return;
    }
    if (!read && isBulletItem && context.namedByIntro && context.leads.length) {
      drafts.push(listedObject(unit, context));
      return;
    }
    if (!read || !read.title) return;
    if (read.explicitLead) leadsInForce = read.leads;
    drafts.push({
      ordinal: '',
      section: null,
      title: read.title,
      leads: read.leads,
      coordinators: read.explicitLead ? read.coordinators : [...context.coordinators, ...read.coordinators],
      deadlineText: read.deadlineText ?? context.deadlineText,
      source: unit.text,
      line: unit.line,
      explicitLead: read.explicitLead,
    });
  });
  if (childContext === context) childContext = { ...context, leads: leadsInForce };
  return { drafts, childContext, heading };
}

/** A bullet under "Sở X chủ trì, tham mưu thành lập:" that names a thing, not an action: the lead-in's action on it. */
function listedObject(unit: Unit, context: Context): ProseTask {
  const { title, deadline } = splitDeadline(squeeze(unit.text));
  return {
    ordinal: '',
    section: null,
    title: context.predicate ? `${context.predicate}: ${title}` : capitaliseFirst(title),
    leads: context.leads,
    coordinators: context.coordinators,
    deadlineText: deadline ?? context.deadlineText,
    source: unit.text,
    line: unit.line,
    explicitLead: false,
  };
}

function labelFor(node: OutlineNode, parentLabel: string | null): string {
  if (node.kind === 'roman') return node.label;
  if (node.kind === 'number' && (node.label.includes('.') || !parentLabel)) return node.label;
  return parentLabel ? `${parentLabel}.${node.label}` : node.label;
}

/**
 * One instruction alone takes the item's number ("2"); the item's own instruction before sub-items too ("4", then "4.a");
 * several instructions in an item, or bullets, are counted on ("1.1", "1.2"; "4.d.1").
 */
function numberTasks(label: string, own: ProseTask[], bullets: ProseTask[], nestedCount: number): void {
  const sequence = [...own, ...bullets];
  const [only] = own;
  if (sequence.length === 1 && nestedCount === 0) {
    for (const task of sequence) task.ordinal = label;
    return;
  }
  let k = 0;
  if (own.length === 1 && only) only.ordinal = label;
  for (const task of own.length === 1 ? bullets : sequence) task.ordinal = `${label}.${++k}`;
}

class ProseReader {
  private readonly sections: { code: string; title: string; line: number }[] = [];

  /** A bullet and its sub-bullets: their tasks are numbered in the sequence of the item that holds them. */
  private readBullet(node: OutlineNode, context: Context): ProseTask[] {
    const { drafts, childContext } = readUnits(unitsOf(node).units, context, node.children.length > 0, true);
    for (const child of node.children) drafts.push(...this.readBullet(child, childContext));
    return drafts;
  }

  read(node: OutlineNode, context: Context, label: string): ProseTask[] {
    const items = unitsOf(node);
    const { drafts: own, childContext, heading } = readUnits(items.units, context, node.children.length > 0, false);
    const bullets: ProseTask[] = [];
    const nested: ProseTask[] = [];
    for (const child of node.children) {
      if (isBullet(child)) bullets.push(...this.readBullet(child, childContext));
      else nested.push(...this.read(child, childContext, labelFor(child, label)));
    }
    numberTasks(label, own, bullets, nested.length);
    const all = [...own, ...bullets, ...nested];
    if ((node.kind === 'number' || node.kind === 'roman') && all.length >= 2) {
      let claimed = false;
      for (const task of all) {
        if (task.section === null) {
          task.section = label;
          claimed = true;
        }
      }
      const first = items.units[0]?.text ?? node.paragraphs[0]?.text ?? '';
      const title = items.heading ?? heading ?? trimTrailingPunctuation(splitSentences(first)[0] ?? first);
      if (claimed) this.sections.push({ code: label, title, line: node.paragraphs[0]?.startLine ?? 0 });
    }
    return all;
  }

  sectionList(): ParsedSection[] {
    return [...this.sections].sort((a, b) => a.line - b.line).map(({ code, title }) => ({ code, title }));
  }
}

/** "…, yêu cầu các sở, ngành, địa phương thực hiện một số nội dung sau:" before the items names their default agency. */
function contextFromPreamble(preamble: Paragraph[]): Context {
  const last = preamble[preamble.length - 1]?.text.trim() ?? '';
  if (!/:\s*$/.test(last)) return EMPTY;
  const sentences = splitSentences(last);
  const read = readInstruction(sentences[sentences.length - 1] ?? last, []);
  return read?.mode === 'assigned' ? { ...EMPTY, leads: read.leads, coordinators: read.coordinators } : EMPTY;
}

export function readProseAssignments(outline: Outline): { tasks: ProseTask[]; sections: ParsedSection[] } {
  const reader = new ProseReader();
  const defaults = contextFromPreamble(outline.preamble);
  const tasks = outline.items.flatMap((item) => reader.read(item, defaults, labelFor(item, null)));
  return { tasks, sections: reader.sectionList() };
}
