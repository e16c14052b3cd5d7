import { findDamagedWords, type DamagedWord } from './damage.ts';
import { COMMON_PAIRS, COMMON_SYLLABLES } from './common-syllables.ts';
import { isSyllableShape, isVietnameseSyllable } from './syllable.ts';

/**
 * Repairs text whose extraction replaced letters with marks ("củ&" → "của", "q2yết" → "quyết", "D'ơng" → "Dương").
 * Each damaged word is tried with every Vietnamese vowel letter (with any tone) in place of each mark; a candidate
 * stands when it is one Vietnamese syllable, or a word (an acronym, a numeral) the same document writes undamaged.
 * A word with one candidate is repaired; those repairs teach which letter each mark stands for in this document.
 * Where several candidates remain, that mapping, the syllables the document writes undamaged and the most common
 * administrative syllables decide, and only a clear winner is taken; any other word is left as written and counted.
 * Every letter replaces one mark, so the text keeps its length and its lines.
 */
export interface WordRepair {
  /** Line index (0-based) in the text. */
  line: number;
  from: string;
  to: string;
}

export interface TextRepair {
  text: string;
  /** Damaged words found. */
  damaged: number;
  repairs: WordRepair[];
  /** Damaged words left as written: no candidate, or no clear winner. */
  unrepaired: WordRepair[];
}

const VOWELS = [...'aăâeêioôơuưy'];
const TONES = ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];
/** The 72 vowel letters of Vietnamese, lower case. */
const LETTERS = VOWELS.flatMap((v) => TONES.map((t) => (v + t).normalize('NFC')));
const TONELESS = LETTERS.filter((_, i) => i % TONES.length === 0);
const TONED = new Set(LETTERS.filter((_, i) => i % TONES.length !== 0));
/** More marks in one word than this and the word is left (72² candidates is the most worth trying). */
const MAX_MARKS = 2;
/** Weight of the document-wide damage rate in the smoothed chance that a letter was replaced by a mark. */
const ALPHA = 5;
/** Weight of a word the document never writes undamaged. */
const UNSEEN = 0.5;
/** How much a neighbouring pair seen undamaged multiplies a candidate's score. */
const PAIR_FACTOR = 25;
/** The winner's score must be this many times the runner-up's. */
const CLEAR_WIN = 3;
const COMMON_WEIGHT = 2;
const EXACT_WEIGHT = 5;
const PAIR_WEIGHT = 5;

interface Candidate {
  /** The word as it will be written. */
  word: string;
  /** Lower-case letters put in place of each mark, in order. */
  letters: string[];
}

interface DocumentWords {
  /** Undamaged words, lower case → count. */
  lower: Map<string, number>;
  /** Undamaged words as written → count (acronyms and numerals: "UBND", "II"). */
  exact: Map<string, number>;
  /** Undamaged pairs of neighbouring words, lower case, "hải dương" → count. */
  pairs: Map<string, number>;
  /** Letters of the undamaged words, lower case → count. */
  letters: Map<string, number>;
}

export function repairDamagedText(text: string): TextRepair {
  const damaged = findDamagedWords(text, isVietnameseSyllable);
  const words = documentWords(text, damaged);
  const lineOf = lineIndexer(text);
  const cache = new Map<string, Candidate[]>();
  const candidates = damaged.map((d) => candidatesFor(d, text, words, cache));
  const chosen = new Map<number, Candidate>();

  // Unambiguous repairs first: they teach which letter each mark stands for here.
  candidates.forEach((list, i) => {
    const only = list[0];
    if (list.length === 1 && only) chosen.set(i, only);
  });
  for (let round = 0; round < 3; round++) {
    const mapping = learnMapping(damaged, chosen, words);
    const known = round === 0 ? words : documentWords(applyRepairs(text, damaged, chosen), damaged.filter((_, i) => !chosen.has(i)));
    let added = 0;
    candidates.forEach((list, i) => {
      if (chosen.has(i) || list.length < 2) return;
      const winner = clearWinner(damaged[i], list, mapping, known, text);
      if (winner) {
        chosen.set(i, winner);
        added++;
      }
    });
    if (!added) break;
  }

  let out = text;
  const repairs: WordRepair[] = [];
  const unrepaired: WordRepair[] = [];
  damaged.forEach((d, i) => {
    const pick = chosen.get(i);
    const line = lineOf(d.start);
    if (!pick) {
      unrepaired.push({ line, from: d.word, to: d.word });
      return;
    }
    out = out.slice(0, d.start) + pick.word + out.slice(d.start + d.word.length);
    repairs.push({ line, from: d.word, to: pick.word });
  });
  return { text: out, damaged: damaged.length, repairs, unrepaired };
}

function documentWords(text: string, damaged: DamagedWord[]): DocumentWords {
  let clean = text;
  for (const d of damaged) clean = clean.slice(0, d.start) + ' '.repeat(d.word.length) + clean.slice(d.start + d.word.length);
  const lower = new Map<string, number>();
  const exact = new Map<string, number>();
  const pairs = new Map<string, number>();
  const letters = new Map<string, number>();
  let previous = '';
  let previousEnd = -1;
  for (const m of clean.matchAll(/(?<![\p{L}&#!'’\-�])\p{L}+(?![\p{L}&#!'’�])/gu)) {
    const w = m[0];
    const at = m.index ?? 0;
    bump(exact, w);
    for (const ch of w.toLowerCase()) bump(letters, ch);
    if (isVietnameseSyllable(w)) bump(lower, w.toLowerCase());
    if (previous && /^[ \t\n]+$/.test(clean.slice(previousEnd, at))) bump(pairs, `${previous} ${w.toLowerCase()}`);
    previous = w.toLowerCase();
    previousEnd = at + w.length;
  }
  return { lower, exact, pairs, letters };
}

function applyRepairs(text: string, damaged: DamagedWord[], chosen: Map<number, Candidate>): string {
  let out = text;
  for (const [i, pick] of chosen) {
    const d = damaged[i];
    if (d) out = out.slice(0, d.start) + pick.word + out.slice(d.start + d.word.length);
  }
  return out;
}

const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

/** The words written right before and after a damaged word (lower case; empty when there is none). */
function neighbours(text: string, d: DamagedWord): { before: string; after: string } {
  const before = /(\p{L}+)[ \t\n]+$/u.exec(text.slice(Math.max(0, d.start - 40), d.start))?.[1] ?? '';
  const after = /^[ \t\n]+(\p{L}+)/u.exec(text.slice(d.start + d.word.length, d.start + d.word.length + 40))?.[1] ?? '';
  return { before: before.toLowerCase(), after: after.toLowerCase() };
}

const lineIndexer = (text: string) => {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
};

/**
 * How a letter put in the word is written: capitals in a word in capitals ("N�M" → "NAM"), a capital at the start
 * of a sentence, small letters otherwise. Null when the word gives no sign (no letters of its own, or a single capital):
 * then both are tried and a form the document writes undamaged is preferred.
 */
function upperCaseAt(d: DamagedWord, text: string, at: number): boolean | null {
  const own = [...d.word].filter((_, i) => !d.marks.includes(i)).join('');
  if (own.length >= 2 && own === own.toUpperCase() && own !== own.toLowerCase()) return true;
  if (own.length === 1 && own === own.toUpperCase() && at > 0) return null;
  if (!own) return null;
  if (at > 0) return false;
  const before = text.slice(Math.max(0, d.start - 200), d.start).replace(/[ \t]+$/, '');
  if (before === '' || /[.!?]$/.test(before)) return true;
  return before.endsWith('\n') && /(?:^|[.:;!?]|\n)\s*$/.test(before.slice(0, -1).replace(/[ \t]+$/, ''));
}

function spellLower(d: DamagedWord, letters: string[]): string {
  const chars = d.word.split('');
  d.marks.forEach((at, k) => (chars[at] = letters[k] ?? ''));
  return chars.join('').toLowerCase();
}

function candidatesFor(d: DamagedWord, text: string, words: DocumentWords, cache: Map<string, Candidate[]>): Candidate[] {
  // A word with no letter of its own ("��") gives too little to go on.
  if (d.marks.length > MAX_MARKS || d.marks.length === d.word.length) return [];
  const cases = d.marks.map((at) => upperCaseAt(d, text, at));
  const key = `${d.word}|${cases.join(',')}`;
  const known = cache.get(key);
  if (known) return known;
  const found = new Map<string, Candidate>();
  const fill = (chosen: string[]) => {
    const lowerLetters = chosen;
    const spell = (upper: (k: number) => boolean) => {
      const chars = d.word.split('');
      d.marks.forEach((at, k) => (chars[at] = upper(k) ? (lowerLetters[k] ?? '').toUpperCase() : (lowerLetters[k] ?? '')));
      return chars.join('');
    };
    const preferred = spell((k) => cases[k] === true);
    const alternative = spell((k) => cases[k] !== false);
    const lower = preferred.toLowerCase();
    if (found.has(lower)) return;
    const forms = alternative === preferred ? [preferred] : [alternative, preferred];
    const seen = forms.find((f) => words.exact.has(f));
    if (seen) found.set(lower, { word: seen, letters: [...lowerLetters] });
    else if (isVietnameseSyllable(preferred)) found.set(lower, { word: preferred, letters: [...lowerLetters] });
  };
  // Toneless vowels first; only a shape that some tone makes a syllable (or an acronym) is tried with each tone.
  const ownTone = [...d.word].some((ch, i) => !d.marks.includes(i) && TONED.has(ch.toLowerCase()));
  const walk = (k: number, chosen: string[]) => {
    if (k < d.marks.length) {
      for (const letter of TONELESS) walk(k + 1, [...chosen, letter]);
      return;
    }
    fill(chosen);
    if (ownTone || !isSyllableShape(spellLower(d, chosen))) return;
    chosen.forEach((letter, k2) => {
      for (const tone of TONES.slice(1)) fill(chosen.map((l, j) => (j === k2 ? (letter + tone).normalize('NFC') : l)));
    });
  };
  walk(0, []);
  const list = [...found.values()];
  cache.set(key, list);
  return list;
}

/**
 * What the document says about its damage: for each letter, how often it is written (undamaged or repaired) and
 * how often each mark stood for it. In a document where "&" stood for "a" forty times, "b&n" is "ban", not "bàn".
 */
interface Mapping {
  /** Letter (lower case) → mark → times repaired. */
  replaced: Map<string, Map<string, number>>;
  /** Letter → times it occurs in the document, undamaged or repaired. */
  written: Map<string, number>;
  /** Share of all letters lost to a mark: the chance for a letter the document gives no evidence about. */
  rate: number;
}

function learnMapping(damaged: DamagedWord[], chosen: Map<number, Candidate>, words: DocumentWords): Mapping {
  const replaced = new Map<string, Map<string, number>>();
  const written = new Map(words.letters);
  let lost = 0;
  for (const [i, pick] of chosen) {
    const d = damaged[i];
    if (!d) continue;
    d.marks.forEach((at, k) => {
      const letter = pick.letters[k];
      if (!letter) return;
      const marks = replaced.get(letter) ?? new Map<string, number>();
      bump(marks, d.word.charAt(at));
      replaced.set(letter, marks);
      bump(written, letter);
      lost++;
    });
  }
  const total = [...written.values()].reduce((a, b) => a + b, 0);
  const marksSeen = new Set(damaged.flatMap((d) => d.marks.map((at) => d.word.charAt(at)))).size;
  return { replaced, written, rate: total ? lost / total / Math.max(1, marksSeen) : 0.1 };
}

/** The chance that this letter, written in this document, came out as this mark. */
function channel(mapping: Mapping, letter: string, mark: string): number {
  const n = mapping.replaced.get(letter)?.get(mark) ?? 0;
  return (n + ALPHA * mapping.rate) / ((mapping.written.get(letter) ?? 0) + ALPHA);
}

/** How likely the repaired word is here (how often the document writes it, alone and next to its neighbours), times its channel. */
function score(d: DamagedWord, c: Candidate, mapping: Mapping, words: DocumentWords, near: { before: string; after: string }): number {
  const lower = c.word.toLowerCase();
  let s = UNSEEN + (words.lower.get(lower) ?? 0) + (COMMON_SYLLABLES.has(lower) ? COMMON_WEIGHT : 0);
  const pairCount = (pair: string) => (words.pairs.get(pair) ?? 0) + (COMMON_PAIRS.has(pair) ? 1 : 0);
  const pairs = pairCount(`${near.before} ${lower}`) + pairCount(`${lower} ${near.after}`);
  s += PAIR_WEIGHT * pairs;
  if (c.word !== lower && words.exact.has(c.word) && c.word.length > 1 && c.word === c.word.toUpperCase()) s += EXACT_WEIGHT * (words.exact.get(c.word) ?? 0);
  d.marks.forEach((at, k) => (s *= channel(mapping, c.letters[k] ?? '', d.word.charAt(at))));
  // The same two words written undamaged elsewhere ("Hải Dương") outweigh what the marks usually stand for.
  return pairs > 0 ? s * PAIR_FACTOR * pairs : s;
}

function clearWinner(d: DamagedWord | undefined, list: Candidate[], mapping: Mapping, words: DocumentWords, text: string): Candidate | null {
  if (!d) return null;
  const near = neighbours(text, d);
  const scored = list.map((c) => ({ c, s: score(d, c, mapping, words, near) })).sort((a, b) => b.s - a.s);
  const [first, second] = scored;
  if (!first) return null;
  return !second || first.s >= CLEAR_WIN * second.s ? first.c : null;
}

/** "231/235 từ bị lỗi đã được khôi phục; còn 4 từ chưa sửa: «N�M» (dòng 4), …" for the preview. */
export function repairSummary(repair: TextRepair, shown = 5): string {
  const left = repair.unrepaired.map((u) => `«${u.from}» (dòng ${u.line + 1})`);
  const more = left.length > shown ? `, … (${left.length - shown} từ khác)` : '';
  return `${repair.repairs.length}/${repair.damaged} từ bị lỗi đã được khôi phục theo âm tiết tiếng Việt; còn ${left.length} từ chưa sửa được${left.length ? `: ${left.slice(0, shown).join(', ')}${more}` : ''}`;
}
