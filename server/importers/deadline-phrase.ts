import { foldSameLength, trimTrailingPunctuation } from './normalise.ts';

/**
 * Finds the deadline written at the end of an instruction in prose ("…, hoàn thành trước ngày 10/3/2025.",
 * "… trình UBND tỉnh phê duyệt trong Quý I/2022.", "…, thực hiện thường xuyên.") and cuts it from the title.
 * The phrase is kept as written, from its preposition on; "hoàn thành" before it is left out of both.
 */
const WHEN = [
  String.raw`(?:\d{1,2}\s*(?:gio|h)(?:\s*\d{1,2}(?:\s*phut)?)?\s*,?\s*)?ngay\s*\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{2,4})?`,
  String.raw`(?:\d{1,2}\s*gio(?:\s*\d{1,2})?\s*,?\s*)?ngay\s+\d{1,2}\s+thang\s+\d{1,2}(?:\s+nam\s+\d{4})?`,
  String.raw`\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}`,
  String.raw`thang\s+\d{1,2}\s*[/.-]\s*\d{4}`,
  String.raw`thang\s+\d{1,2}(?:\s+nam\s+\d{4})?(?:\s+hang\s+nam)?`,
  String.raw`quy\s+(?:iv|iii|ii|i|[1-4])(?:\s*[/-]\s*\d{4}|\s+nam\s+\d{4})?`,
  String.raw`nam\s+\d{4}`,
  String.raw`\d{1,2}\s*/\s*\d{4}`,
  String.raw`(?:vong\s+)?\d{1,3}\s+ngay(?:\s+lam\s+viec)?`,
].join('|');
const PREPOSITION = String.raw`(?:truoc|trong|cham nhat(?:\s+(?:vao|truoc|la))?|vao|den|xong truoc|ke tu)`;
const THEN = String.raw`(?:\s*(?:va|,)\s*(?:thuc hien\s+)?(?:thuong xuyen|cac nam tiep theo|nhung nam tiep theo))?`;
/** "…, hoàn thành trước …", "…, thực hiện trước …" (after a comma: "kinh phí thực hiện trong quý III" keeps its "thực hiện"). */
const LEAD_IN = String.raw`(?:^|,\s*(?:(?:hoan thanh|xong|thuc hien)\s+)?|\s+(?:(?:hoan thanh|xong)\s+)?)`;
const DONE = String.raw`(?:(?:hoan thanh|xong|thuc hien)\s+)?`;
const END = String.raw`\s*[.;,:]*\s*(?:\.\/\.)?\s*$`;

const DATED_AT_END = new RegExp(String.raw`${LEAD_IN}(${PREPOSITION}\s+(?:${WHEN})${THEN})${END}`);
/** "…, hoàn thành 12/2025 và các năm tiếp theo.": a date right after "hoàn thành", without a preposition. */
const DONE_BY_AT_END = new RegExp(String.raw`(?:,\s*|\s+)(?:hoan thanh|xong)\s+((?:${WHEN})${THEN})${END}`);
/** "…, theo lộ trình." */
const ROADMAP_AT_END = new RegExp(String.raw`(?:,\s*|\s+)((?:thuc hien\s+)?theo lo trinh)${END}`);
const ONGOING_AT_END = new RegExp(String.raw`(?:,\s*|\s+)((?:thuc hien\s+)?thuong xuyen(?:\s*,\s*lien tuc)?)${END}`);
const CONDITION_AT_END = new RegExp(String.raw`,\s*(?:hoan thanh|thuc hien)\s+((?:sau khi|theo huong dan|theo lo trinh|khi)\b[^.;]{0,160}?)${END}`);
const IN_BRACKETS = new RegExp(String.raw`\(\s*${DONE}(${PREPOSITION}\s+(?:${WHEN})${THEN})\s*\)`);
const DATED_ANYWHERE = new RegExp(String.raw`hoan thanh\s+(${PREPOSITION}\s+(?:${WHEN})${THEN})`);

export interface SplitDeadline {
  title: string;
  deadline: string | null;
}

export function splitDeadline(text: string): SplitDeadline {
  const folded = foldSameLength(text);
  for (const pattern of [DATED_AT_END, DONE_BY_AT_END, CONDITION_AT_END, ROADMAP_AT_END, ONGOING_AT_END]) {
    const m = pattern.exec(folded);
    const phrase = m?.[1];
    if (m && phrase) {
      const start = m.index + m[0].indexOf(phrase);
      return { title: trimTrailingPunctuation(text.slice(0, m.index)), deadline: text.slice(start, start + phrase.length) };
    }
  }
  const bracketed = IN_BRACKETS.exec(folded);
  if (bracketed?.[1]) {
    const start = bracketed.index + bracketed[0].indexOf(bracketed[1]);
    const title = (text.slice(0, bracketed.index) + text.slice(bracketed.index + bracketed[0].length)).replace(/\s+/g, ' ').trim();
    return { title: trimTrailingPunctuation(title), deadline: text.slice(start, start + bracketed[1].length) };
  }
  const anywhere = DATED_ANYWHERE.exec(folded);
  if (anywhere?.[1]) {
    const start = anywhere.index + anywhere[0].indexOf(anywhere[1]);
    return { title: trimTrailingPunctuation(text), deadline: text.slice(start, start + anywhere[1].length) };
  }
  return { title: trimTrailingPunctuation(text), deadline: null };
}
