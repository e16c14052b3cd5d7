import {
  AGENCY_HEADS,
  COLLECTIVE_NOUNS,
  LOWERCASE_HEADS,
  NOT_AGENCY_AFTER_HEAD,
  NOUN_USES_OF_PREDICATE_WORDS,
  PREDICATE_STARTS,
} from './directive-words.ts';
import { squeeze, trimTrailingPunctuation } from './normalise.ts';

/**
 * Agency names as documents write them: where one starts, where a list of them splits, where a name
 * ends and the predicate begins. Collective names ("Các sở, ban, ngành", "UBND các huyện, thị xã, thành phố")
 * stay one name; a comma or "và" splits only when an agency's name starts after it.
 */

const byLengthDesc = (words: readonly string[]) => [...words].sort((a, b) => b.length - a.length);
const HEADS = byLengthDesc(AGENCY_HEADS);
const LOWER_HEADS = byLengthDesc(LOWERCASE_HEADS);
const COLLECTIVES = byLengthDesc(COLLECTIVE_NOUNS);
const PREDICATES = byLengthDesc(PREDICATE_STARTS);

/** Abbreviations that name bodies ("UBND", "HĐND", "C06", "TP Hải Dương"). */
const AGENCY_ACRONYMS = new Set(['UBND', 'HĐND', 'MTTQ', 'UBMTTQ', 'BHXH', 'KBNN', 'NHNN', 'VNPT', 'VKSND', 'TAND', 'BCH', 'BQL', 'BQLDA', 'TP', 'TX', 'VPUBND', 'VP', 'CA', 'UBKT', 'BCĐ']);

const isWordChar = (ch: string) => /[\p{L}\p{N}]/u.test(ch);

/** The word (or words) at the start of lower-cased text, matched whole. */
export function startsWithWord(lower: string, word: string): boolean {
  return lower.startsWith(word) && !isWordChar(lower.charAt(word.length));
}

export function startsWithAnyWord(lower: string, words: readonly string[]): string | null {
  for (const w of words) if (startsWithWord(lower, w)) return w;
  return null;
}

const isUpper = (ch: string) => ch !== ch.toLowerCase() && ch === ch.toUpperCase();

/** True when an agency's name starts here (the text is trimmed at the start by the caller). */
export function startsAgency(text: string): boolean {
  const t = text.trimStart();
  const lower = t.toLowerCase();
  if (!t || startsWithAnyWord(lower, NOT_AGENCY_AFTER_HEAD)) return false;
  const collective = /^(?:các|những|toàn thể các|tất cả các)\s+/u.exec(lower);
  if (collective) return startsWithAnyWord(lower.slice(collective[0].length), COLLECTIVES) !== null;
  const acronym = /^[\p{Lu}][\p{Lu}\p{N}&]{1,9}(?![\p{L}\p{N}])/u.exec(t)?.[0];
  if (acronym) return AGENCY_ACRONYMS.has(acronym) || /^\p{Lu}\d{2,3}$/u.test(acronym);
  if (isUpper(t.charAt(0))) {
    const head = startsWithAnyWord(lower, HEADS);
    // A head alone ("Sở, ngành") is not a name: a word must follow it.
    return head !== null && /^\s+[\p{L}\p{N}]/u.test(t.slice(head.length));
  }
  const head = startsWithAnyWord(lower, LOWER_HEADS);
  if (!head) return false;
  // "sở Y tế", "tập đoàn VIETTEL": a lower-case head names an agency only before a capitalised name.
  const next = /^\s+(\S)/u.exec(t.slice(head.length))?.[1] ?? '';
  return isUpper(next);
}

/** Bracket depth at every position, so separators inside "(…)" are left alone. */
export function bracketDepth(text: string): number[] {
  const depth: number[] = [];
  let d = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === '(') d += 1;
    depth.push(d);
    if (ch === ')') d = Math.max(0, d - 1);
  }
  return depth;
}

export function cleanAgencyName(name: string): string {
  return trimTrailingPunctuation(squeeze(name))
    .replace(/^(?:và|cùng|với)\s+/u, '')
    .replace(/^[-–•]\s*/u, '');
}

/** "Sở Tài chính và các Sở, ban, ngành, UBND các huyện, thị xã, thành phố" → three names. */
export function splitAgencyList(cell: string): string[] {
  const text = squeeze(cell);
  if (!text) return [];
  const depth = bracketDepth(text);
  const names: string[] = [];
  let start = 0;
  const separator = /;\s*|,\s*|\s+và\s+/gu;
  for (let m = separator.exec(text); m; m = separator.exec(text)) {
    if ((depth[m.index] ?? 0) > 0) continue;
    const after = m.index + m[0].length;
    if (m[0].startsWith(';') || startsAgency(text.slice(after))) {
      names.push(text.slice(start, m.index));
      start = after;
    }
  }
  names.push(text.slice(start));
  return names.map(cleanAgencyName).filter((n) => n.length > 0);
}

export interface AgencyPhrase {
  names: string[];
  /** Where the phrase starts and ends in the text it was read from. */
  start: number;
  end: number;
  /** The phrase ended at a predicate ("… chủ trì", "… tiếp tục"), not at punctuation. */
  endsAtPredicate: boolean;
  /** The punctuation that ended it, if any (":" in "Sở Khoa học và Công nghệ: …"). */
  stop: string;
}

const MAX_PHRASE_WORDS = 45;

/**
 * Reads the agency names starting at `from` up to the predicate that follows them
 * ("Văn phòng UBND tỉnh phối hợp …" → ["Văn phòng UBND tỉnh"]). Null when no agency starts there.
 */
export function readAgencyPhrase(text: string, from: number): AgencyPhrase | null {
  let start = from;
  while (start < text.length && /\s/.test(text.charAt(start))) start += 1;
  if (!startsAgency(text.slice(start))) return null;
  const lower = text.toLowerCase();
  const depth = bracketDepth(text);
  let words = 0;
  for (let i = start + 1; i < text.length; i++) {
    const ch = text.charAt(i);
    const inBrackets = (depth[i] ?? 0) > (depth[start] ?? 0);
    if (!inBrackets && (ch === ';' || ch === ':' || ch === '(' || ch === '\n' || (ch === '.' && !isWordChar(text.charAt(i + 1))))) {
      return phrase(text, start, i, false, ch);
    }
    const wordStart = isWordChar(ch) && !isWordChar(text.charAt(i - 1)) && /[\s,]/.test(text.charAt(i - 1));
    if (!wordStart) continue;
    words += 1;
    if (words > MAX_PHRASE_WORDS) return null;
    if (inBrackets || isUpper(ch)) continue;
    const rest = lower.slice(i);
    if (startsWithAnyWord(rest, PREDICATES) && !NOUN_USES_OF_PREDICATE_WORDS.some((n) => rest.startsWith(n))) {
      return phrase(text, start, i, true, '');
    }
  }
  return phrase(text, start, text.length, false, '');
}

function phrase(text: string, start: number, end: number, endsAtPredicate: boolean, stop: string): AgencyPhrase | null {
  const names = splitAgencyList(text.slice(start, end).replace(/[\s,]+(?:và|cùng)?\s*$/u, ''));
  return names.length ? { names, start, end, endsAtPredicate, stop } : null;
}
