import { foldSameLength } from './normalise.ts';
import type { DirectiveKind } from './types.ts';

/**
 * The kind of a directive: from the word in capitals above its title (KẾ HOẠCH, THÔNG BÁO, CÔNG VĂN…),
 * else from the type in its number's symbol (726/KH-…, …/TB-…), else a letter by its "Kính gửi".
 */
const KIND_WORDS: [string, DirectiveKind | null][] = [
  ['kehoach', 'plan'],
  ['thongbaoketluan', 'conclusion_notice'],
  ['thongbao', 'conclusion_notice'],
  ['congvan', 'official_letter'],
  ['quyetdinh', 'decision'],
  ['nghiquyet', 'resolution'],
  ['chuongtrinhhanhdong', 'program'],
  ['chuongtrinh', 'program'],
  ['chithi', null],
  ['baocao', null],
  ['totrinh', null],
];

const lettersOnly = (text: string) => foldSameLength(text).replace(/[^a-z]/g, '');

function editDistanceAtMostOne(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i += 1;
      j += 1;
      continue;
    }
    edits += 1;
    if (edits > 1) return false;
    if (a.length > b.length) i += 1;
    else if (b.length > a.length) j += 1;
    else {
      i += 1;
      j += 1;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

/**
 * The kind named by a line in capitals, tolerating one damaged letter ("KẾ H\tẠCH"); undefined when the line is no kind
 * word (a kind word that names none of ours, "BÁO CÁO", gives null).
 */
export function kindFromTitleWord(line: string): { kind: DirectiveKind | null } | undefined {
  const text = line.trim();
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (!letters || letters !== letters.toUpperCase() || text.split(/\s+/).length > 6) return undefined;
  const folded = lettersOnly(text);
  for (const [word, kind] of KIND_WORDS) {
    if (folded === word || (word.length >= 7 && editDistanceAtMostOne(folded, word))) return { kind };
  }
  return undefined;
}

export function kindFromNumber(number: string | null): DirectiveKind | null {
  const symbol = /\/\s*([^\s]+)/.exec(number ?? '')?.[1] ?? '';
  const type = symbol.split('-')[0]?.toUpperCase() ?? '';
  const bySymbol: Record<string, DirectiveKind> = { KH: 'plan', TB: 'conclusion_notice', QĐ: 'decision', NQ: 'resolution', CTR: 'program', CTHĐ: 'program' };
  return bySymbol[type] ?? null;
}
