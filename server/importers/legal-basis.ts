import { foldSameLength } from './normalise.ts';

/**
 * The directives a document implements, from its title and the basis paragraphs ("Thực hiện …", "Căn cứ …").
 * In "Thực hiện Nghị quyết số 03/NQ-CP … và Chương trình hành động số 113-CTr/TU … thực hiện Nghị quyết số 57-NQ/TW"
 * the first two are implemented; the third is what the second implements, so the reading stops at "thực hiện", "về", "ban hành".
 */
const REFERENCE = /(?<![\p{L}\p{N}/])\d{1,5}(?:\/\d{4})?\s?[/-]\s?\p{Lu}[\p{L}&.]*(?:[/-]\p{Lu}[\p{L}&]*)*/gu;
const SUBORDINATE = /\b(?:ve|thuc hien|ban hanh|trien khai|huong dan|sua doi|quy dinh|kem theo|tai)\b/;

interface Reference {
  /** Null when damaged text cut the symbol short ("726/KH-�BND"): it still counts in the reading, but is not given. */
  number: string | null;
  start: number;
  end: number;
}

function references(text: string): Reference[] {
  const found: Reference[] = [];
  for (const m of text.matchAll(REFERENCE)) {
    const end = (m.index ?? 0) + m[0].length;
    const damaged = /^[-/]?[^\p{L}\p{N}\s,.;:)\]”"]/u.test(text.slice(end));
    found.push({ number: damaged ? null : m[0].replace(/\s+/g, '').replace(/\.$/, ''), start: m.index ?? 0, end });
  }
  return found;
}

function implementedIn(item: string): string[] {
  const refs = references(item);
  const first = refs[0];
  if (!first) return [];
  const out = [first.number];
  for (let k = 1; k < refs.length; k++) {
    const between = foldSameLength(item.slice(refs[k - 1]?.end ?? 0, refs[k]?.start ?? 0));
    if (SUBORDINATE.test(between) || !/\bva\b|,\s*$/.test(between)) break;
    out.push(refs[k]?.number ?? null);
  }
  return out.filter((n): n is string => n !== null);
}

const IS_BASIS = /^(?:thuc hien|can cu|trien khai|theo|thuc hien chi dao)\b/;

export function readImplemented(title: string | null, preamble: string[]): string[] {
  const sources = [title ?? '', ...preamble.filter((p) => IS_BASIS.test(foldSameLength(p.trim())))];
  const numbers: string[] = [];
  for (const source of sources) {
    for (const item of source.split(';')) {
      for (const number of implementedIn(item)) if (number && !numbers.includes(number)) numbers.push(number);
    }
  }
  return numbers;
}
