import { isIsoDate } from '../domain/time.ts';
import { caseOrganisationName, indexWrittenForms, startsWithUnitWord } from './casing.ts';
import { kindFromNumber, kindFromTitleWord } from './document-kind.ts';
import { joinWrappedLine } from './paragraphs.ts';
import { foldSameLength, squeeze } from './normalise.ts';
import type { DirectiveKind } from './types.ts';

/**
 * The header block of a Vietnamese administrative document (Nghị định 30/2020/NĐ-CP): the issuing body in
 * capitals, the national motto, "Số: 726/KH-UBND", "Hải Dương, ngày 20 tháng 02 năm 2025", the kind in
 * capitals (KẾ HOẠCH) and the trích yếu under it; letters have "V/v …" and "Kính gửi: …" instead.
 */
export interface Header {
  number: string | null;
  /** The number was left blank: only the symbol is written ("Số: /TB-UBND"). */
  numberMissing: boolean;
  issuedOn: string | null;
  /** yyyy-mm when only the month and year are written ("ngày    tháng 02 năm 2025"). */
  issuedMonth: string | null;
  issuer: string | null;
  kind: DirectiveKind | null;
  title: string | null;
  /** First line of the body. */
  bodyStart: number;
}

const HEADER_SCAN_LINES = 60;
const WRITTEN_FORMS_WINDOW = 12_000;
const pad = (n: number) => String(n).padStart(2, '0');

/** "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập - Tự do - Hạnh phúc", even with a damaged letter. */
const isMotto = (text: string) => /xahoichu|doclap/.test(foldSameLength(text).replace(/[^a-z]/g, ''));
const isCapitals = (text: string) => {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase();
};

function readNumber(text: string): { number: string | null; missing: boolean } | null {
  const m = /^Số\s*[:.]?\s*(.*)$/u.exec(text.trim());
  if (!m) return null;
  const n = /^(\d+)?\s*(\/\s*[^\s,]+)?/u.exec((m[1] ?? '').trim());
  const digits = n?.[1] ?? '';
  const symbol = (n?.[2] ?? '').replace(/\s+/g, '');
  if (!digits && !symbol) return { number: null, missing: true };
  return { number: digits + symbol, missing: !digits };
}

function readDate(text: string): { issuedOn: string | null; issuedMonth: string | null } | null {
  // "Hải Dương, ngày 20 tháng 02 năm 2025": a place, a comma, then the date (a day left blank in drafts).
  let m = /\p{L}\s*,\s*ngày\s*(\d{1,2})?\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})/iu.exec(text);
  if (!m) {
    m = /\p{L}\s*,\s*ngày\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})/iu.exec(text);
  }
  if (!m) return null;
  const [day, month, year] = [m[1] ? Number(m[1]) : null, Number(m[2]), Number(m[3])];
  // A month or year no date can have (13, 0000) is no date; a day the month lacks (30/02) leaves only the month.
  if (!isIsoDate(`${year}-${pad(month)}-01`)) return null;
  const issuedMonth = `${year}-${pad(month)}`;
  const issuedOn = day ? `${issuedMonth}-${pad(day)}` : null;
  return { issuedOn: issuedOn && isIsoDate(issuedOn) ? issuedOn : null, issuedMonth };
}

/** Lines that continue a title: no blank line between, or a blank line then a lower-case start. */
function readTitle(lines: string[], from: number): { title: string | null; end: number } {
  let i = from;
  while (i < lines.length && !(lines[i] ?? '').trim()) i += 1;
  const first = (lines[i] ?? '').trim();
  if (!first || /^(?:Căn cứ|Kính gửi)/u.test(first)) return { title: null, end: from };
  let title = first.replace(/^V\/v\s*/iu, '');
  let end = i + 1;
  for (let j = i + 1; j < lines.length; j++) {
    const text = (lines[j] ?? '').replace(/\t/g, ' ').trim();
    if (!text) continue;
    // Another header part, or the basis that opens the body ("Căn cứ …", "Thực hiện …"), ends the title.
    if (readDate(text) || readNumber(text) || isMotto(text) || /^(?:Kính gửi|Căn cứ|Thực hiện)(?![\p{L}])/u.test(text)) break;
    const adjacent = j === end && !/[.:;]$/.test(title);
    if (!adjacent && !/^[\p{Ll}(]/u.test(text)) break;
    title = joinWrappedLine(title, text);
    end = j + 1;
  }
  return { title: squeeze(title.replace(/\t/g, ' ')), end };
}

/** The addressees after "Kính gửi:" run on in dashed lines; the body starts after them. */
function skipAddressees(lines: string[], from: number): number {
  let end = from + 1;
  for (let j = from + 1; j < lines.length; j++) {
    const text = (lines[j] ?? '').trim();
    if (!text) continue;
    if (!/^[-–•+]/.test(text) && !/^\p{Ll}/u.test(text)) break;
    end = j + 1;
  }
  return end;
}

function issuerFrom(capitalLines: string[], document: string): string | null {
  if (!capitalLines.length) return null;
  // The issuer's name and place are written out near the top (title, basis), so that is where to look.
  const corpus = indexWrittenForms(document.slice(0, WRITTEN_FORMS_WINDOW));
  const names: string[] = [];
  for (const line of capitalLines) {
    if (names.length && startsWithUnitWord(line)) names[names.length - 1] += ` ${line}`;
    else names.push(line);
  }
  const own = names[names.length - 1];
  if (!own) return null;
  const parent = names.length > 1 ? names[names.length - 2] : undefined;
  const cased = caseOrganisationName(own, corpus);
  if (!parent) return cased;
  // "Văn phòng UBND tỉnh Hải Dương", but "Sở Y tế tỉnh Bắc Ninh": a department belongs to the province, not to its UBND.
  const parentName = caseOrganisationName(parent, corpus);
  return `${cased} ${/^văn phòng$/iu.test(cased) ? parentName : parentName.replace(/^UBND\s+/u, '')}`;
}

export function readHeader(lines: string[], document: string): Header {
  const header: Header = { number: null, numberMissing: false, issuedOn: null, issuedMonth: null, issuer: null, kind: null, title: null, bodyStart: 0 };
  const issuerLines: string[] = [];
  /** Issuer lines come first; the motto, the number or the date end them. */
  let pastIssuer = false;
  let lastHeaderLine = -1;
  const limit = Math.min(lines.length, HEADER_SCAN_LINES);
  scan: for (let i = 0; i < limit; i++) {
    const line = lines[i] ?? '';
    if (!line.trim()) continue;
    const kind = kindFromTitleWord(line);
    if (kind) {
      header.kind = kind.kind;
      const title = readTitle(lines, i + 1);
      header.title = title.title;
      lastHeaderLine = Math.max(i, title.end - 1);
      break;
    }
    // A header set as a table puts the issuer and the motto on one line, separated by a tab.
    const parts = line.split('\t').map((p) => p.trim());
    for (const [column, part] of parts.entries()) {
      if (!part) continue;
      const number = readNumber(part);
      const date = readDate(part);
      if (number && header.number === null && !header.numberMissing) {
        header.number = number.number;
        header.numberMissing = number.missing;
      }
      if (date && !header.issuedMonth) Object.assign(header, date);
      if (number || date || isMotto(part)) {
        // The motto in the right-hand column does not end the issuer's name in the left one.
        if (column === 0 || number || date) pastIssuer = true;
        lastHeaderLine = i;
      } else if (/^V\/v\b/iu.test(part)) {
        const title = readTitle(lines, i);
        header.title = title.title;
        lastHeaderLine = Math.max(lastHeaderLine, title.end - 1);
      } else if (/^Kính gửi\b/u.test(part)) {
        lastHeaderLine = skipAddressees(lines, i) - 1;
        i = lastHeaderLine;
        continue scan;
      } else if (!pastIssuer && column === 0 && isCapitals(part) && part.length <= 80) {
        issuerLines.push(squeeze(part.replace(/[-_*=]{3,}/g, '')));
        lastHeaderLine = i;
      }
    }
    // The body has begun: a line that is none of the header's parts.
    if (lastHeaderLine < i && (pastIssuer || issuerLines.length === 0) && !isCapitals(line)) break;
  }
  header.issuer = issuerFrom(issuerLines.filter(Boolean), document);
  header.kind ??= kindFromNumber(header.number) ?? (lines.slice(0, limit).some((l) => /^\s*Kính gửi\b/u.test(l)) ? 'official_letter' : null);
  header.bodyStart = lastHeaderLine + 1;
  return header;
}

/**
 * Without a header, the body names its issuer where it speaks: "…, UBND tỉnh có ý kiến như sau:",
 * "UBND tỉnh ban hành Kế hoạch …".
 */
export function issuerFromBody(paragraphs: string[]): string | null {
  const speaking = /(?:^|[,.;)]\s*)((?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường)(?:\s+\p{Lu}\p{Ll}*)*)\s+(?:có ý kiến|ban hành|chỉ đạo|kết luận)/u;
  for (const paragraph of paragraphs) {
    const m = speaking.exec(paragraph);
    if (m?.[1]) return m[1].replace(/^(?:Ủy|Uỷ) ban nhân dân/u, 'UBND');
  }
  return null;
}
