/**
 * Detects text whose extraction replaced letters with symbols ("củ&" for "của", "q2yết" for "quyết",
 * "Tr2ng tâm", "D'ơng", "�"). Acronyms such as "GD&ĐT", "R&D", "5G" are not damage.
 */
export interface DamageReport {
  words: number;
  damagedWords: number;
}

/** A letter replaced inside a word ("q2yết", "D'ơng", "th!o"), at its end ("củ&", "gi#") or by "�". */
const DAMAGE = /�|\p{Ll}[&#!2'’]\p{Ll}|\p{Ll}[&#](?![\p{L}\p{N}])/gu;
const WORD = /\p{L}+/gu;

export function measureDamage(text: string): DamageReport {
  return { words: text.match(WORD)?.length ?? 0, damagedWords: text.match(DAMAGE)?.length ?? 0 };
}

export function isDamaged(report: DamageReport): boolean {
  return report.damagedWords >= 5 && report.damagedWords / Math.max(1, report.words) >= 0.01;
}

/** Characters a damaged extraction puts where a letter was. */
const DAMAGE_MARKS = new Set(['&', '#', '!', '2', '-', "'", '’', '�']);
const RUN = /[\p{L}\p{N}&#!'’\-�]+/gu;
const LETTER = /\p{L}/u;
const VOWEL = /[aăâeêioôơuưyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]/iu;

/** A word with letters replaced by damage marks, and where in the text it is. */
export interface DamagedWord {
  /** Offset of the word in the text (UTF-16 units). */
  start: number;
  word: string;
  /** Indexes (in UTF-16 units of `word`) of the marks that stand for a lost letter. */
  marks: number[];
}

/**
 * Finds the words whose letters were replaced by damage marks, leaving real punctuation alone:
 * numbers and symbols ("57-NQ/TW", "2025-2030", "KH-UBND", "CO2"), acronyms joined by "&" ("GD&ĐT", "Sở KH&CN"),
 * a dash between two whole words ("Nội-Hải", "tế- xã"), quotes and exclamation marks at a word's edge.
 * `isWord` says whether a run of letters is a whole word (a Vietnamese syllable).
 */
export function findDamagedWords(text: string, isWord: (letters: string) => boolean): DamagedWord[] {
  const found: DamagedWord[] = [];
  for (const m of text.matchAll(RUN)) {
    const run = m[0];
    if (![...run].some((ch) => DAMAGE_MARKS.has(ch))) continue;
    const start = m.index ?? 0;
    const marks = new Set<number>();
    for (let i = 0; i < run.length; i++) if (isDamageMark(run, i, isWord)) marks.add(i);
    // Words: letters and damage marks, cut at anything else.
    let wordStart = -1;
    for (let i = 0; i <= run.length; i++) {
      const inWord = i < run.length && (LETTER.test(run.charAt(i)) || marks.has(i));
      if (inWord && wordStart < 0) wordStart = i;
      if (!inWord && wordStart >= 0) {
        const positions = [...marks].filter((p) => p >= wordStart && p < i).map((p) => p - wordStart);
        // The tail of a document symbol ("113-CTr/TU") is a code, not a syllable: left for the reader.
        const inSymbol = text.charAt(start + wordStart - 1) === '/';
        if (positions.length && !inSymbol) found.push({ start: start + wordStart, word: run.slice(wordStart, i), marks: positions.sort((a, b) => a - b) });
        wordStart = -1;
      }
    }
  }
  return found;
}

const isLetter = (ch: string | undefined) => ch !== undefined && LETTER.test(ch);
/** A letter, or a mark that never stands between digits (so "22/12", "2025-2030" are not read as letters). */
const isMarkOrLetter = (ch: string | undefined) => ch !== undefined && (LETTER.test(ch) || (DAMAGE_MARKS.has(ch) && ch !== '-' && ch !== '2'));

/** The letters on one side of position i, up to the first character that is neither letter nor "�". */
function lettersBeside(run: string, i: number, step: 1 | -1): string {
  let j = i + step;
  let out = '';
  while (j >= 0 && j < run.length && (isLetter(run.charAt(j)) || run.charAt(j) === '�')) {
    out = step > 0 ? out + run.charAt(j) : run.charAt(j) + out;
    j += step;
  }
  return out;
}

/** Letters of a symbol or code: capitals in ASCII ("KH", "UBND", "CO"), or capitals without a vowel ("QĐ"). */
const isCode = (letters: string) => (letters.length > 0 && /^[A-Z]+$/.test(letters)) || isAcronym(letters);
const isAcronym = (letters: string) => letters.length > 0 && letters === letters.toUpperCase() && !VOWEL.test(letters) && !letters.includes('�');

function isDamageMark(run: string, i: number, isWord: (letters: string) => boolean): boolean {
  const ch = run.charAt(i);
  const before = run.charAt(i - 1) || undefined;
  const after = run.charAt(i + 1) || undefined;
  switch (ch) {
    case '�':
      return true;
    case '&':
    case '#': {
      if (!isMarkOrLetter(before) && !isMarkOrLetter(after)) return false;
      const left = lettersBeside(run, i, -1);
      const right = lettersBeside(run, i, 1);
      return !((isAcronym(left) || !left) && (isAcronym(right) || !right));
    }
    case '2': {
      if (!isMarkOrLetter(before) || (after !== undefined && /\p{N}/u.test(after))) return false;
      const letters = run.replace(/[^\p{L}�]/gu, '');
      return !isCode(letters);
    }
    case '!':
    case "'":
    case '’':
      return isMarkOrLetter(before) && isMarkOrLetter(after);
    case '-': {
      if (!isMarkOrLetter(before) || (after !== undefined && !isMarkOrLetter(after))) return false;
      const left = lettersBeside(run, i, -1);
      const right = lettersBeside(run, i, 1);
      if (isCode(left) || isCode(right) && isWord(left)) return false;
      return !(isWord(left) && (!right || isWord(right)));
    }
    default:
      return false;
  }
}
