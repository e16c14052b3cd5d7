import type { Paragraph, Table } from 'docx';
import { SIZE, TEXT_WIDTH, blank, para, shortRule } from './layout.ts';
import { layoutGrid } from './tables.ts';

/**
 * The fixed parts of an administrative document (Nghị định 30/2020/NĐ-CP, Phụ lục I): the letterhead
 * (issuing body and quốc hiệu, number and place-date), the kind and trích yếu, and the sign-off
 * (Nơi nhận on the left, the signer's title block on the right).
 */

/** Who issues the document, as the letterhead and the signature name them. */
export interface Issuer {
  /** The issuing body's parent, upper case: "UBND TỈNH HẢI DƯƠNG". */
  parentLine: string;
  /** The issuing body, upper case: "SỞ KHOA HỌC VÀ CÔNG NGHỆ", "VĂN PHÒNG". */
  bodyLine: string;
  /** Short form after the kind in the symbol: "SKHCN" gives "Số:      /BC-SKHCN". */
  symbol: string;
  /** The place in the date line: "Hải Dương". */
  place: string;
  /** The signer's title block: ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]. */
  signerTitle: string[];
  signerName: string | null;
}

const LEFT_SHARE = 42;
const RIGHT_SHARE = 58;
const LEFT_WIDTH = Math.round((TEXT_WIDTH * LEFT_SHARE) / (LEFT_SHARE + RIGHT_SHARE));

const pad2 = (n: number) => String(n).padStart(2, '0');

/** "Hải Dương, ngày 05 tháng 6 năm 2025": days below 10 and the months January and February take a leading zero. */
export function placeAndDate(place: string, isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return `${place}, ngày ${pad2(d)} tháng ${m < 3 ? pad2(m) : String(m)} năm ${y}`;
}

/** The number is left blank for the clerk who registers the document ("Số:      /BC-SKHCN"). */
export const numberLine = (kindCode: string, issuer: Issuer) => `Số:        /${kindCode}-${issuer.symbol}`;

/** NĐ 30 allows 12 or 13 pt for the bodies' names: 12 pt keeps a long name such as "SỞ KHOA HỌC VÀ CÔNG NGHỆ" on one line. */
const nameSize = (issuer: Issuer) => (Math.max(issuer.parentLine.length, issuer.bodyLine.length) > 21 ? SIZE.table : SIZE.header);

export function letterhead(issuer: Issuer, kindCode: string, isoDate: string): Table {
  const left: Paragraph[] = [
    para(issuer.parentLine, { align: 'center', size: nameSize(issuer) }),
    para(issuer.bodyLine, { align: 'center', size: nameSize(issuer), bold: true }),
    shortRule(Math.round(LEFT_WIDTH * 0.4), LEFT_WIDTH, 120),
    para(numberLine(kindCode, issuer), { align: 'center', size: SIZE.header }),
  ];
  const right: Paragraph[] = [
    para('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { align: 'center', size: SIZE.table, bold: true }),
    para('Độc lập - Tự do - Hạnh phúc', { align: 'center', size: SIZE.header, bold: true, underline: true, after: 240 }),
    para(placeAndDate(issuer.place, isoDate), { align: 'center', size: SIZE.body, italics: true }),
  ];
  return layoutGrid([[left, right]], [LEFT_SHARE, RIGHT_SHARE], TEXT_WIDTH);
}

/** "BÁO CÁO" and its trích yếu, centred and bold, with a short rule under them. */
export function titleBlock(kind: string, summary: readonly string[], addressee?: string): Paragraph[] {
  const lines = [
    para(kind, { align: 'center', bold: true, before: 360 }),
    ...summary.map((line) => para(line, { align: 'center', bold: true })),
    shortRule(Math.round(TEXT_WIDTH * 0.25), TEXT_WIDTH, 240),
  ];
  if (addressee) lines.push(para(`Kính gửi: ${addressee}.`, { align: 'center', after: 240 }));
  return lines;
}

/** Nơi nhận (bottom left, 12 pt, the heading bold italic) beside the signer's title block (bottom right). */
export function signOff(recipients: readonly string[], issuer: Issuer): Table {
  const left: Paragraph[] = [
    para('Nơi nhận:', { bold: true, italics: true, size: SIZE.note, before: 120 }),
    ...recipients.map((r, i) => para(`- ${r}${i === recipients.length - 1 ? '.' : ';'}`, { size: SIZE.note })),
  ];
  const right: Paragraph[] = [
    ...issuer.signerTitle.map((line, i) => para(line, { align: 'center', bold: true, before: i === 0 ? 120 : 0 })),
    blank(),
    blank(),
    blank(),
    blank(),
    para(issuer.signerName ?? '', { align: 'center', bold: true }),
  ];
  return layoutGrid([[left, right]], [50, 50], TEXT_WIDTH);
}
