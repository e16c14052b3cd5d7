import type { Directive } from '../db/types.ts';
import type { IndicatorColour } from '../domain/indicator-progress.ts';
import { formatVietnameseDate } from '../domain/time.ts';

/** The words the documents use for things the database stores as codes. */

export const DIRECTIVE_KIND_LABELS: Record<string, string> = {
  plan: 'Kế hoạch',
  conclusion_notice: 'Thông báo',
  official_letter: 'Công văn',
  decision: 'Quyết định',
  resolution: 'Nghị quyết',
  program: 'Chương trình',
};

/** An indicator's colour as the synthesis writes it. */
export const COLOUR_LABELS: Record<IndicatorColour, string> = {
  green: 'Đạt tiến độ',
  orange: 'Có nguy cơ',
  red: 'Chậm',
  grey: 'Chưa đánh giá',
};

export const REPORT_STATE_LABELS: Record<string, string> = {
  draft: 'Đang soạn',
  submitted: 'Đã gửi, chờ thẩm định',
  accepted: 'Đã chấp nhận',
  returned: 'Bị trả lại',
};

/** "2025-05" → "tháng 5/2025". */
export function monthPhrase(label: string): string {
  return `tháng ${Number(label.slice(5, 7))}/${label.slice(0, 4)}`;
}

/** A period label as a table cell: "2025-05" → "5/2025"; quarters and halves as stored ("2025-Q2"). */
export function periodShort(label: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(label);
  return m ? `${Number(m[2])}/${m[1]}` : label;
}

/** A yyyy-mm-dd date as dd/mm/yyyy, or an empty string. */
export const date = (iso: string | null | undefined): string => (iso ? formatVietnameseDate(iso) : '');

/** "Kế hoạch số 726/KH-UBND ngày 20/02/2025 của UBND tỉnh Hải Dương" (as much as the directive says). */
export function directiveReference(d: Pick<Directive, 'kind' | 'number' | 'issued_on' | 'issuer_name'>): string {
  const kind = DIRECTIVE_KIND_LABELS[d.kind] ?? 'Văn bản';
  const issued = d.issued_on ? ` ngày ${formatVietnameseDate(d.issued_on)}` : '';
  const issuer = d.issuer_name ? ` của ${d.issuer_name}` : '';
  return `${kind} số ${d.number}${issued}${issuer}`;
}

/** "Kế hoạch số 726/KH-UBND" (the short form for titles). */
export const directiveShort = (d: Pick<Directive, 'kind' | 'number'>) => `${DIRECTIVE_KIND_LABELS[d.kind] ?? 'Văn bản'} số ${d.number}`;

/** Long free text shortened for a table cell. */
export function clip(text: string | null | undefined, max = 400): string {
  const t = (text ?? '').replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/** Multi-line text typed by a user (an override of an editable part) → its paragraphs. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}
