import { latexToText } from './latex.ts';

/**
 * Brings extracted text to one form before any rule reads it: no BOM, "\n" line ends, NFC,
 * plain spaces, LaTeX as signs, no Markdown emphasis (converters mark bold and italics with asterisks).
 */
export function normaliseText(raw: string): string {
  const text = raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .normalize('NFC')
    .replace(/[\u00A0\u2007\u202F]/g, ' ')
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '');
  return stripEmphasis(latexToText(text));
}

/** "**ngày 18 hàng tháng**", "*hoàn thành trong tháng 6/2025*" → the words alone; a footnote mark "(*)" stays. */
function stripEmphasis(text: string): string {
  return text.replace(/\*+/g, (stars: string, offset: number, all: string) =>
    all[offset - 1] === '(' && all[offset + stars.length] === ')' ? stars : '',
  );
}

const foldedChars = new Map<string, string>();

function foldChar(ch: string): string {
  let folded = foldedChars.get(ch);
  if (folded === undefined) {
    const base = ch === 'đ' || ch === 'Đ' ? 'd' : (ch.normalize('NFD').charAt(0) || ch).toLowerCase();
    folded = base.length === 1 ? base : ch;
    foldedChars.set(ch, folded);
  }
  return folded;
}

/**
 * Lower case without diacritics (đ → d), one UTF-16 unit for one: positions in the folded text are
 * positions in the original, so a rule can match folded words and cut the original words out.
 */
export function foldSameLength(text: string): string {
  return text.replace(/[A-Z]/g, (ch) => ch.toLowerCase()).replace(/[\u0080-\uffff]/g, foldChar);
}

/** Single spaces, trimmed. */
export function squeeze(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Upper-cases the first letter ("xây dựng …" → "Xây dựng …"). */
export function capitaliseFirst(text: string): string {
  const i = text.search(/\p{L}/u);
  if (i < 0) return text;
  return text.slice(0, i) + text.charAt(i).toUpperCase() + text.slice(i + 1);
}

/** Removes punctuation and spaces at the end ("Các sở, ngành." → "Các sở, ngành"; "… thực hiện./." → "… thực hiện"). */
export function trimTrailingPunctuation(text: string): string {
  return text.replace(/(?:[\s.,;:]|\.\/\.)+$/u, '');
}
