import { foldSameLength, squeeze } from './normalise.ts';

/**
 * Headers and signature blocks are set in capitals ("ỦY BAN NHÂN DÂN / TỈNH HẢI DƯƠNG", "CHÁNH VĂN PHÒNG").
 * These helpers give them back their ordinary spelling.
 */
const UNIT_WORDS = ['thành phố', 'thị xã', 'thị trấn', 'tỉnh', 'huyện', 'quận', 'xã', 'phường'];
const ABBREVIATIONS: [RegExp, string][] = [
  [/^(?:ỦY|UỶ) BAN NHÂN DÂN(?![\p{L}])/u, 'UBND'],
  [/^HỘI ĐỒNG NHÂN DÂN(?![\p{L}])/u, 'HĐND'],
];

/** A line of capitals that continues the name above it ("TỈNH HẢI DƯƠNG" after "ỦY BAN NHÂN DÂN"). */
export function startsWithUnitWord(text: string): boolean {
  const lower = text.toLowerCase();
  return UNIT_WORDS.some((w) => lower.startsWith(`${w} `));
}

const titleCase = (word: string) => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();

/** The document's text, squeezed and folded once, to look up how it writes a name. */
export interface WrittenForms {
  text: string;
  folded: string;
}

export function indexWrittenForms(corpus: string): WrittenForms {
  const text = squeeze(corpus);
  return { text, folded: foldSameLength(text) };
}

/** "ỦY BAN NHÂN DÂN TỈNH HẢI DƯƠNG" → "UBND tỉnh Hải Dương"; "VĂN PHÒNG" → "Văn phòng". */
export function caseOrganisationName(capitals: string, corpus: WrittenForms): string {
  let name = squeeze(capitals);
  let prefix = '';
  for (const [pattern, short] of ABBREVIATIONS) {
    if (pattern.test(name)) {
      prefix = short;
      name = name.replace(pattern, '').trim();
    }
  }
  if (!name) return prefix;
  const found = findWrittenForm(name, corpus);
  const cased = found ?? caseByRule(name);
  return prefix ? `${prefix} ${cased}` : cased;
}

const KEPT_CAPITALS = new Set(['UBND', 'HĐND', 'MTTQ', 'VP']);
const ONE_WORD_UNITS = new Set(['tỉnh', 'huyện', 'quận', 'xã', 'phường']);
const TWO_WORD_UNITS = new Set(['thành phố', 'thị xã', 'thị trấn']);

/** Abbreviations stay in capitals, the place after a unit word ("tỉnh", "thành phố") gets capitals, the rest is lower case. */
function caseByRule(name: string): string {
  const words = name.split(' ');
  const out: string[] = [];
  let place = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    const lower = word.toLowerCase();
    const pair = `${lower} ${(words[i + 1] ?? '').toLowerCase()}`;
    if (KEPT_CAPITALS.has(word)) out.push(word);
    else if (!place && TWO_WORD_UNITS.has(pair)) {
      out.push(pair);
      i += 1;
      place = true;
    } else if (!place && ONE_WORD_UNITS.has(lower)) {
      out.push(lower);
      place = true;
    } else out.push(place || i === 0 ? titleCase(word) : lower);
  }
  return out.join(' ');
}

/** The same words written in ordinary case somewhere in the document, if they are. */
export function findWrittenForm(capitals: string, corpus: WrittenForms): string | null {
  const wanted = foldSameLength(squeeze(capitals));
  if (wanted.length < 3) return null;
  const { text, folded } = corpus;
  for (let at = folded.indexOf(wanted); at >= 0; at = folded.indexOf(wanted, at + 1)) {
    const candidate = text.slice(at, at + wanted.length);
    const boundaryBefore = at === 0 || !/[\p{L}\p{N}]/u.test(text.charAt(at - 1));
    const boundaryAfter = !/[\p{L}\p{N}]/u.test(text.charAt(at + wanted.length));
    if (boundaryBefore && boundaryAfter && candidate !== candidate.toUpperCase()) return candidate;
  }
  return null;
}

/** "TM. ỦY BAN NHÂN DÂN" → "TM. Ủy ban nhân dân"; "PHÓ CHỦ TỊCH" → "Phó Chủ tịch"; "CHÁNH VĂN PHÒNG" → "Chánh Văn phòng". */
export function caseOfficeTitle(capitals: string): string {
  const m = /^((?:TM|KT|TL|TUQ|Q|QUYỀN)\.?\s+)?(.*)$/u.exec(squeeze(capitals));
  const authority = m?.[1] ?? '';
  const words = (m?.[2] ?? '').toLowerCase().split(' ').filter(Boolean);
  const cased = words.map((w, i) => {
    // The office after a rank word keeps its capital: Phó Chủ tịch, Chánh Văn phòng, Phó Giám đốc.
    const afterRank = i === 1 && ['phó', 'chánh', 'tổng', 'quyền'].includes(words[0] ?? '');
    return i === 0 || afterRank ? titleCase(w) : w;
  });
  return authority + cased.join(' ');
}
