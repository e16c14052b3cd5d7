import { foldSameLength } from './normalise.ts';
import { pushInto } from '../collections.ts';

/**
 * A plan repeats its appendix in prose (section "2. Nhiệm vụ cụ thể"): the appendix is the task list,
 * so a prose instruction is only checked against it. Vietnamese words are mostly two syllables, so titles
 * are compared by pairs of neighbouring syllables: they match when most pairs of the shorter one are in the longer one.
 */
const STOP_WORDS = new Set(['va', 'cac', 'cua', 'de', 'cho', 'trong', 'tren', 'voi', 'theo', 'tai', 've', 'the', 'nhung', 'mot', 'so', 'duoc', 'da', 'co', 'la', 'tu', 'den', 'hoan', 'thanh', 'thuc', 'hien']);

function words(text: string): Set<string> {
  const syllables = foldSameLength(text).split(/[^a-z0-9]+/).filter((w) => w.length >= 2 && !STOP_WORDS.has(w));
  const pairs = new Set<string>();
  for (let i = 1; i < syllables.length; i++) pairs.add(`${syllables[i - 1]} ${syllables[i]}`);
  return pairs;
}

const MIN_SHARED = 2;
const MIN_SHARE = 0.5;

/** The prose titles that match no appendix title. */
export function unmatchedTitles<T extends { title: string }>(prose: T[], appendixTitles: string[]): T[] {
  const rows = appendixTitles.map(words);
  // Which rows hold each syllable pair, so a title is compared only with rows it shares pairs with.
  const rowsByPair = new Map<string, number[]>();
  rows.forEach((pairs, row) => {
    for (const pair of pairs) pushInto(rowsByPair, pair, row);
  });
  return prose.filter((task) => {
    const own = words(task.title);
    if (own.size === 0) return false;
    const shared = new Map<number, number>();
    for (const pair of own) for (const row of rowsByPair.get(pair) ?? []) shared.set(row, (shared.get(row) ?? 0) + 1);
    for (const [row, n] of shared) {
      if (n >= MIN_SHARED && n / Math.min(own.size, rows[row]?.size ?? 0) >= MIN_SHARE) return false;
    }
    return true;
  });
}
