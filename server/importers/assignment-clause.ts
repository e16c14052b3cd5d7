import { bracketDepth, readAgencyPhrase, splitAgencyList, startsAgency, startsWithAnyWord, type AgencyPhrase } from './agencies.ts';
import { splitDeadline } from './deadline-phrase.ts';
import { ASSIGNING_VERBS, IMPERATIVE_STARTS, NON_INSTRUCTION_STARTS } from './directive-words.ts';
import { capitaliseFirst, foldSameLength, squeeze } from './normalise.ts';

/**
 * Reads one instruction of prose: who is assigned ("Giao Sở X …", "Sở X chủ trì …", "…, các sở, ngành thực hiện …"),
 * who coordinates ("phối hợp với …"), what is to be done (the title), and by when.
 */
export interface Assignee {
  leads: string[];
  /** "assigned": after giao / yêu cầu / đề nghị; "subject": the clause opens with the agency; "inner": after an opening adverbial. */
  mode: 'assigned' | 'subject' | 'inner';
  /** Where the assigning verb (or the agency) starts, and where the agency's name ends. */
  start: number;
  phrase: AgencyPhrase;
}

const byLength = (words: readonly string[]) => [...words].sort((a, b) => b.length - a.length);
const ASSIGNING = new RegExp(`(?:^|[\\s,;(])(${byLength(ASSIGNING_VERBS).join('|')})\\s+`, 'giu');
const IMPERATIVES = byLength(IMPERATIVE_STARTS);
/** Adverbial openers after which a clause's subject may follow a comma: "Để có dữ liệu …, các sở, ngành thực hiện …". */
const ADVERBIAL_OPENERS = /^(?:để|đối với|sau khi|ngay sau khi|khi|trên cơ sở|căn cứ|nhằm|trong|từ nay|với|trước|riêng|về)(?![\p{L}\p{N}])/iu;

const accepts = (p: AgencyPhrase | null): p is AgencyPhrase => p !== null && (p.endsAtPredicate || p.stop === ':');

export interface AssigneeOptions {
  /** Under "Sở X chủ trì:" a bullet's opening name is the object, not a new lead, unless it states its role ("Sở Y chủ trì …"). */
  subjectNeedsRole?: boolean;
}

const statesRole = (text: string, phrase: AgencyPhrase) => phrase.stop === ':' || /^\s*chủ trì(?![\p{L}])/iu.test(text.slice(phrase.end));

export function findAssignee(text: string, options: AssigneeOptions = {}): Assignee | null {
  const lower = text.toLowerCase();
  for (const m of lower.matchAll(ASSIGNING)) {
    const verb = m[1] ?? '';
    const verbStart = (m.index ?? 0) + m[0].indexOf(verb);
    const phrase = readAgencyPhrase(text, verbStart + verb.length);
    if (accepts(phrase)) return { leads: phrase.names, mode: 'assigned', start: verbStart, phrase };
  }
  const subject = readAgencyPhrase(text, 0);
  if (accepts(subject) && (!options.subjectNeedsRole || statesRole(text, subject))) return { leads: subject.names, mode: 'subject', start: subject.start, phrase: subject };
  if (ADVERBIAL_OPENERS.test(text)) {
    const depth = bracketDepth(text);
    for (let at = text.indexOf(', '); at >= 0; at = text.indexOf(', ', at + 1)) {
      if ((depth[at] ?? 0) > 0) continue;
      const phrase = readAgencyPhrase(text, at + 2);
      if (phrase?.endsAtPredicate) return { leads: phrase.names, mode: 'inner', start: phrase.start, phrase };
    }
  }
  return null;
}

/** The clause opens by naming its agency ("Giao Sở X …", "Sở X chủ trì …"). */
export function opensWithAssignee(text: string): boolean {
  const assignee = findAssignee(text);
  return assignee !== null && assignee.start === 0 && assignee.mode !== 'inner';
}

export function startsWithInstruction(text: string): boolean {
  const lower = text.trim().toLowerCase();
  return !startsWithAnyWord(lower, NON_INSTRUCTION_STARTS) && startsWithAnyWord(lower, IMPERATIVES) !== null;
}

/** "chủ trì, phối hợp với Sở X và các đơn vị liên quan …" after the lead: the coordinators, and what follows. */
function stripLeadFormula(rest: string): { coordinators: string[]; remainder: string } {
  let remainder = rest.trim().replace(/^:\s*/, '').replace(/^(?:có|chịu) trách nhiệm\s+/iu, '');
  remainder = remainder.replace(/^chủ trì\s*(?:,\s*|\s+(?=phối hợp))?/iu, '');
  const coordination = /^phối hợp(?:\s+(?:với|cùng))?\s+/iu.exec(remainder);
  let coordinators: string[] = [];
  if (coordination) {
    const phrase = readAgencyPhrase(remainder, coordination[0].length);
    if (phrase) {
      coordinators = phrase.names;
      // "phối hợp với C06 - Bộ Công an để kết nối …": the task is what follows "để".
      remainder = remainder.slice(phrase.end).replace(/^[\s,]+/, '').replace(/^(?:để|nhằm)\s+/iu, '');
    }
  }
  remainder = remainder.replace(/^(?:có|chịu) trách nhiệm\s+/iu, '');
  return { coordinators, remainder: remainder.trim() };
}

/** Every "phối hợp (với) <agencies>" outside brackets: "(của Bộ Công an phối hợp với Đại học …)" is background. */
function coordinatorsMentioned(text: string): string[] {
  const unbracketed = text.replace(/\([^()]*\)/g, (m) => ' '.repeat(m.length));
  const names: string[] = [];
  for (const m of unbracketed.matchAll(/phối hợp(?:\s+(?:với|cùng))?\s+/giu)) {
    const phrase = readAgencyPhrase(unbracketed, (m.index ?? 0) + m[0].length);
    if (phrase) names.push(...phrase.names);
  }
  return names;
}

/** "Bệnh án điện tử (Sở Y tế), Học bạ điện tử (Sở Giáo dục và Đào tạo)": agencies named in brackets for each part. */
function agenciesInBrackets(text: string): string[] {
  const names: string[] = [];
  for (const m of text.matchAll(/\(([^()]{3,120})\)/g)) {
    const inside = m[1] ?? '';
    const split = splitAgencyList(inside);
    if (split.length && split.every((n) => startsAgency(n)) && !/\d/.test(inside)) names.push(...split);
  }
  return names;
}

const sameName = (a: string, b: string) => foldSameLength(a) === foldSameLength(b);
function unique(names: string[], except: string[] = []): string[] {
  const out: string[] = [];
  for (const n of names) if (!out.some((o) => sameName(o, n)) && !except.some((e) => sameName(e, n))) out.push(n);
  return out;
}

export interface ReadInstruction {
  leads: string[];
  explicitLead: boolean;
  /** How the lead was named, when it was. */
  mode: Assignee['mode'] | null;
  coordinators: string[];
  title: string;
  deadlineText: string | null;
}

/**
 * Reads an instruction whose lead is either named in it or, when it opens with a verb, the one in force (`inherited`).
 * Null when the text is not an instruction.
 */
export function readInstruction(text: string, inherited: string[], options: AssigneeOptions = {}): ReadInstruction | null {
  const unit = squeeze(text);
  const assignee = findAssignee(unit, options);
  let leads: string[];
  let title: string;
  let coordinators: string[] = [];
  if (assignee) {
    leads = assignee.leads;
    const { coordinators: formula, remainder } = stripLeadFormula(unit.slice(assignee.phrase.end));
    coordinators = formula;
    if (assignee.mode === 'inner') title = unit;
    else {
      const before = unit.slice(0, assignee.start).trim();
      title = before ? `${before} ${remainder}` : capitaliseFirst(remainder);
    }
  } else if (startsWithInstruction(unit) && inherited.length) {
    leads = inherited;
    // "Chủ trì, phối hợp với … có trách nhiệm thẩm định …": the role words are not the task.
    const opensWithRole = /^chủ trì(?![\p{L}])/iu.test(unit);
    const formula = opensWithRole ? stripLeadFormula(unit) : null;
    title = formula ? capitaliseFirst(formula.remainder) : unit;
    coordinators = formula?.coordinators ?? [];
  } else {
    return null;
  }
  // The collective subject narrowed to the agencies named in brackets for each part.
  const bracketed = agenciesInBrackets(unit);
  if (bracketed.length && leads.every((l) => /^(?:các|những)\s/iu.test(l))) leads = unique(bracketed);
  const split = splitDeadline(title);
  let deadlineText = split.deadline;
  // "Thường xuyên thực hiện …": the instruction is ongoing.
  if (!deadlineText && /^thường xuyên(?![\p{L}])/iu.test(split.title)) deadlineText = 'Thường xuyên';
  return {
    leads,
    explicitLead: assignee !== null,
    mode: assignee?.mode ?? null,
    coordinators: unique([...coordinators, ...coordinatorsMentioned(unit)], leads),
    title: split.title,
    deadlineText,
  };
}
