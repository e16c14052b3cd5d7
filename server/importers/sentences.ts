/**
 * Splits prose into sentences at ". ", "! ", "? " before a capital, except after abbreviations
 * ("TP.", "TM.", "ThS.") and initials.
 */
const ABBREVIATIONS = new Set(['tp', 'tm', 'kt', 'tl', 'tuq', 'q', 'ths', 'ts', 'pgs', 'gs', 'st', 'v.v', 'tx', 'tt', 'đ/c', 'ông', 'bà', 'số']);

export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  const boundary = /[.!?…]+["”’)]*\s+(?=["“‘(]?\p{Lu})/gu;
  for (let m = boundary.exec(text); m; m = boundary.exec(text)) {
    const before = /([\p{L}./]+)[.!?…]*$/u.exec(text.slice(start, m.index + 1))?.[1]?.toLowerCase().replace(/\.+$/, '') ?? '';
    if (ABBREVIATIONS.has(before) || /^\p{L}$/u.test(before)) continue;
    const end = m.index + m[0].trimEnd().length;
    sentences.push(text.slice(start, end).trim());
    start = m.index + m[0].length;
  }
  const rest = text.slice(start).trim();
  if (rest) sentences.push(rest);
  return sentences;
}
