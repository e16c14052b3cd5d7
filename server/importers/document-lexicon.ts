import { foldSameLength } from './normalise.ts';

/**
 * The document's own vocabulary, used to mend words that text extraction broke at a line break:
 * "Sở Khoa học và Công" + "nghe" → "nghệ" (the diacritics were lost), "đổi mới sáng" + "ạo" → "tạo"
 * (a letter was lost). A repair is made only when the same document spells the pair the other way
 * many times, so the rule carries to documents it has never seen and never invents a word.
 */
export interface Repair {
  from: string;
  to: string;
}

export interface DocumentLexicon {
  /** Joins a cell's text with the fragment continued on the next line, mending the first word of the fragment. */
  joinContinuation(before: string, fragment: string): { text: string; repair: Repair | null };
}

const WORD = /[\p{L}\p{N}]+/gu;
const MIN_EVIDENCE = 3;

export function buildDocumentLexicon(text: string): DocumentLexicon {
  // Built on first use: most documents have no table cell continued on a second line.
  let index: { wordCounts: Map<string, number>; followers: Map<string, Map<string, number>> } | null = null;
  const build = () => {
    const wordCounts = new Map<string, number>();
    /** previous word → following word → count, within one cell of one line (lower case). */
    const followers = new Map<string, Map<string, number>>();
    for (const cell of text.toLowerCase().split(/[\t\n]/)) {
      let previous: string | null = null;
      for (const match of cell.matchAll(WORD)) {
        const word = match[0];
        wordCounts.set(word, (wordCounts.get(word) ?? 0) + 1);
        if (previous !== null) {
          let next = followers.get(previous);
          if (!next) followers.set(previous, (next = new Map<string, number>()));
          next.set(word, (next.get(word) ?? 0) + 1);
        }
        previous = word;
      }
    }
    return { wordCounts, followers };
  };
  const lexicon = () => (index ??= build());
  const count = (word: string) => lexicon().wordCounts.get(word) ?? 0;
  const followersOf = (word: string) => lexicon().followers.get(word);

  function bestFollower(previous: string, accept: (candidate: string) => boolean): { word: string; count: number } | null {
    let best: { word: string; count: number } | null = null;
    for (const [word, n] of followersOf(previous) ?? []) {
      if (accept(word) && (!best || n > best.count)) best = { word, count: n };
    }
    return best;
  }

  function mend(previous: string, first: string): string | null {
    const prev = previous.toLowerCase();
    const lower = first.toLowerCase();
    const seenTogether = followersOf(prev)?.get(lower) ?? 0;
    // Lost diacritics: the fragment has none, the document writes the pair with them.
    if (/^[a-z]+$/.test(lower)) {
      const folded = foldSameLength(lower);
      const best = bestFollower(prev, (w) => w !== lower && foldSameLength(w) === folded);
      if (best && best.count >= MIN_EVIDENCE && best.count > 3 * seenTogether) return best.word;
    }
    // A lost first letter: a short fragment seen nowhere else, the document has the pair with one more letter.
    if (count(lower) <= 1 && lower.length <= 5) {
      const best = bestFollower(prev, (w) => w.length === lower.length + 1 && w.endsWith(lower));
      if (best && best.count >= MIN_EVIDENCE) return best.word;
    }
    return null;
  }

  return {
    joinContinuation(before, fragment) {
      const left = before.trimEnd();
      const right = fragment.trimStart();
      if (!left) return { text: right, repair: null };
      if (!right) return { text: left, repair: null };
      const previous = /[\p{L}\p{N}]+$/u.exec(left)?.[0];
      const first = /^[\p{L}\p{N}]+/u.exec(right)?.[0];
      // The last word repeated without its diacritics ("… Công nghệ" + "nghe"): the extraction doubled it.
      if (previous && first && right === first && first !== previous && foldSameLength(first) === foldSameLength(previous)) {
        return { text: left, repair: { from: `${previous} ${first}`, to: previous } };
      }
      // A word cut in two ("Thà" + "nh phố"): the halves are rare, the whole is common.
      if (previous && first && count(first.toLowerCase()) <= 1 && count((previous + first).toLowerCase()) >= 2) {
        return { text: left + right, repair: { from: `${previous} ${first}`, to: previous + first } };
      }
      if (previous && first) {
        const mended = mend(previous, first);
        if (mended) {
          const cased = isCapitalised(first) ? mended.charAt(0).toUpperCase() + mended.slice(1) : mended;
          return { text: `${left} ${cased}${right.slice(first.length)}`, repair: { from: first, to: cased } };
        }
      }
      // "03/NQ-" + "CP": a hyphen at the break joins without a space.
      const glue = /\S-$/.test(left) && /^\p{L}/u.test(right) ? '' : ' ';
      return { text: left + glue + right, repair: null };
    },
  };
}

const isCapitalised = (word: string) => word.charAt(0) !== word.charAt(0).toLowerCase();
