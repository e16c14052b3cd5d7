import { readMarker } from './markers.ts';

/**
 * Rebuilds paragraphs from extracted lines. Extractions differ: some give one line per paragraph with
 * blank lines between, some wrap every line at the page width (and put a blank line after each). A line
 * joins the one before unless an item marker opens it, the one before ended a sentence (and, in wrapped
 * text, was short or the next line is indented), or either is a heading in capitals.
 */
export interface Paragraph {
  text: string;
  /** 0-based index of its first and last line. */
  startLine: number;
  endLine: number;
}

const ENDS_SENTENCE = /(?:[.!?:;…]|\.\/\.)["”’)]*\s*$/u;
const STARTS_UPPER = /^["“‘(]?[\p{Lu}\d]/u;

function isCapitalsHeading(line: string): boolean {
  const letters = line.replace(/[^\p{L}]/gu, '');
  return letters.length >= 3 && letters === letters.toUpperCase() && line.length <= 120;
}

/** Wrapped text: many lines fill the page width and end mid-sentence. */
function wrapWidth(lines: string[]): number | null {
  const lengths = lines.map((l) => l.trim().length).filter((n) => n > 0);
  if (lengths.length < 10) return null;
  const sorted = [...lengths].sort((a, b) => a - b);
  const width = sorted[Math.floor(sorted.length * 0.9)] ?? 0;
  const wrapped = lines.filter((l) => {
    const t = l.trim();
    return t.length >= width * 0.75 && !ENDS_SENTENCE.test(t);
  }).length;
  return width > 0 && width <= 140 && wrapped / lengths.length >= 0.4 ? width : null;
}

export function joinWrappedLine(before: string, after: string): string {
  // "03/NQ-" + "CP": a word broken at a hyphen joins without a space.
  return /\S-$/.test(before) && /^\p{L}/u.test(after) ? before + after : `${before} ${after}`;
}

export function buildParagraphs(lines: string[], start: number, end: number, skip: (line: number) => boolean): Paragraph[] {
  const slice = lines.slice(start, end).filter((_, k) => !skip(start + k));
  const width = wrapWidth(slice);
  const paragraphs: Paragraph[] = [];
  let current: Paragraph | null = null;
  let previousRaw = '';
  for (let i = start; i < end; i++) {
    const raw = (lines[i] ?? '').replace(/\t/g, ' ');
    const text = raw.trim();
    if (skip(i)) {
      if (current) paragraphs.push(current);
      current = null;
      continue;
    }
    if (!text) continue;
    if (current && !startsParagraph(current.text, previousRaw, raw, width)) {
      current.text = joinWrappedLine(current.text, text);
      current.endLine = i;
    } else {
      if (current) paragraphs.push(current);
      current = { text, startLine: i, endLine: i };
    }
    previousRaw = raw;
  }
  if (current) paragraphs.push(current);
  return paragraphs;
}

function startsParagraph(paragraph: string, previousRaw: string, raw: string, width: number | null): boolean {
  const previous = previousRaw.trim();
  const text = raw.trim();
  if (readMarker(text)) return true;
  if (isCapitalsHeading(previous) || isCapitalsHeading(text)) return true;
  if (/:\s*$/.test(previous)) return true;
  if (!ENDS_SENTENCE.test(previous)) {
    // A line that stops mid-phrase, or fills the page width, goes on below.
    if (/[,\-–]$|\s(?:và|của|với|các|về|cho|để)$/u.test(previous) || (width !== null && previous.length >= width * 0.85)) return false;
    // A short numbered heading without a stop ("1.2. Đến năm 2045") is followed by its own paragraph.
    return readMarker(paragraph) !== null && paragraph.length <= 80 && STARTS_UPPER.test(text);
  }
  if (!STARTS_UPPER.test(text)) return false;
  if (width === null) return true;
  // Wrapped text: a sentence that ends a short line, or a next line indented, ends the paragraph.
  return previous.length < width * 0.85 || /^\s/.test(raw);
}
