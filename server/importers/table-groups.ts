import { foldSameLength } from './normalise.ts';

/**
 * Group rows inside appendix tables: "I | Nâng cao nhận thức …", "II Đến năm 2045", "A | …" with the other
 * cells empty. They name a section of tasks or the horizon of a block of indicators.
 */
export interface GroupRow {
  code: string;
  title: string;
  /** "Đến năm 2030" → 2030. */
  year: number | null;
}

const ROMAN_SPACED = /^[IVXLC](?:\s?[IVXLC])*\.?$/;

/** "V I" and "VII I" (a numeral broken by the extraction) → "VI", "VIII". */
export function joinRomanNumeral(text: string): string {
  return text.replace(/[\s.]/g, '');
}

export function horizonYear(text: string): number | null {
  const m = /(?:den|toi|dat|giai doan \d{4}\s*-)\s*nam\s+(\d{4})|nam\s+(\d{4})/.exec(foldSameLength(text));
  return m ? Number(m[1] ?? m[2]) : null;
}

export function readGroupRow(first: string, title: string, otherCells: string[]): GroupRow | null {
  if (otherCells.some((c) => c.trim().length > 0)) return null;
  const code = first.trim();
  if (ROMAN_SPACED.test(code) || /^[A-Z]\.?$/.test(code)) {
    if (!title.trim()) return null;
    return { code: joinRomanNumeral(code), title: title.trim(), year: horizonYear(title) };
  }
  // "II Đến năm 2045": the numeral and the group's name in one cell.
  const inline = /^([IVXLC]+)\.?\s+(\p{Lu}.*)$/u.exec(code);
  if (inline?.[1] && inline[2]) {
    const name = [inline[2], title].filter((t) => t.trim()).join(' ').trim();
    return { code: inline[1], title: name, year: horizonYear(name) };
  }
  return null;
}
