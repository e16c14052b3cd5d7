/**
 * Vietnamese text helpers shared by search and sorting. Pure functions, no I/O.
 * Search compares folded text (lower case, diacritics removed, đ → d) so "so y te" finds "Sở Y tế".
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** NFC-normalises, trims and collapses runs of whitespace (documents come in NFC and NFD). */
export function cleanText(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Lower case, no diacritics, đ → d, single spaces: the form stored in *_search columns. */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Splits a user's query into folded words (each must occur) — empty words dropped, at most 8 kept. */
export function searchTerms(query: string): string[] {
  return foldVietnamese(query)
    .split(' ')
    // LIKE's wildcards and escape, and NUL (which ends an FTS5 query string), are not searched for.
    .map((w) => w.replace(/[%_\\]/g, '').replaceAll('\u0000', ''))
    .filter((w) => w.length > 0)
    .slice(0, 8);
}

// Letter order of the Vietnamese alphabet: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y.
const MODIFIER_RANK: Record<string, string> = { '\u0306': '1', '\u0302': '2', '\u031b': '2' }; // breve, circumflex, horn (ơ after ô, ư after u)
const TONE_RANK: Record<string, string> = { '\u0300': '1', '\u0309': '2', '\u0303': '3', '\u0301': '4', '\u0323': '5' };

/**
 * A key whose byte order is Vietnamese dictionary order (letters first, tones break ties),
 * so both SQLite (which sorts bytes) and PostgreSQL sort names the way Intl.Collator('vi') does.
 */
export function vietnameseSortKey(text: string): string {
  let primary = '';
  let tones = '';
  for (const ch of cleanText(text).toLowerCase()) {
    if (ch === 'đ') {
      primary += 'd1';
      tones += '0';
      continue;
    }
    const parts = ch.normalize('NFD');
    const base = parts[0] ?? ch;
    let modifier = '0';
    let tone = '0';
    for (const mark of parts.slice(1)) {
      if (MODIFIER_RANK[mark]) modifier = mark === '\u031b' && base === 'o' ? '3' : (MODIFIER_RANK[mark] ?? '0');
      else if (TONE_RANK[mark]) tone = TONE_RANK[mark] ?? '0';
    }
    // ơ comes after ô; ư directly after u.
    if (base === 'u' && modifier === '2') modifier = '1';
    primary += base + modifier;
    tones += tone;
  }
  return `${primary}\u0001${tones}`;
}

/** A collator for sorting in memory the way Vietnamese readers expect. */
export const vietnameseCollator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });
