import { caseOfficeTitle } from './casing.ts';
import { squeeze } from './normalise.ts';

/**
 * The signature block after the body: authority lines in capitals ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH",
 * "PHÓ CHỦ TỊCH") and the signer's name under them. Returned as "Name, TM. Ủy ban nhân dân, Chủ tịch".
 */
const OFFICE = /^(?:TM|KT|TL|TUQ|Q)\.|CHỦ TỊCH|GIÁM ĐỐC|TRƯỞNG|CHÁNH|THỦ TRƯỞNG|BÍ THƯ|BỘ TRƯỞNG|THỨ TRƯỞNG|ỦY BAN|UỶ BAN/u;

function isAuthorityLine(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 4 && letters === letters.toUpperCase() && text.length <= 60 && OFFICE.test(text) && !/NƠI NHẬN/u.test(text);
}

/** A person's name: two to six words, each starting with a capital, not all in capitals. */
function isPersonName(text: string): boolean {
  const words = text.split(' ');
  if (words.length < 2 || words.length > 6 || text === text.toUpperCase()) return false;
  return words.every((w) => /^\p{Lu}[\p{Ll}\p{M}'’&#!2�-]*$/u.test(w));
}

export function readSigner(lines: string[], from: number, to: number): string | null {
  const authorities: string[] = [];
  for (let i = from; i < to; i++) {
    const text = squeeze(lines[i] ?? '');
    if (!text) continue;
    if (isAuthorityLine(text)) {
      authorities.push(caseOfficeTitle(text));
      continue;
    }
    if (authorities.length && isPersonName(text)) return [text, ...authorities].join(', ');
    if (authorities.length && !/^\(/.test(text)) authorities.length = 0;
  }
  return null;
}
