import type { MonthlyData } from './monthly-data.ts';
import { date, directiveReference, monthPhrase } from './wording.ts';

/**
 * The editable parts of the monthly synthesis, prefilled from the figures: the opening paragraph and the
 * proposals to the People's Committee. The coordinator may replace either (request fields `opening`, `proposals`).
 */

const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);
const unique = (names: readonly string[]) => [...new Set(names)];
const list = (names: readonly string[], max = 8) => (names.length > max ? `${names.slice(0, max).join(', ')} và ${names.length - max} cơ quan khác` : names.join(', '));

export function defaultOpening(d: MonthlyData): string[] {
  const about = d.directive.title ? ` về ${lowerFirst(d.directive.title.replace(/[.;:\s]+$/, ''))}` : '';
  const body = d.issuer.orgName || 'Cơ quan theo dõi';
  return [`Thực hiện ${directiveReference(d.directive)}${about}; ${body} báo cáo kết quả thực hiện ${monthPhrase(d.window.label)} (số liệu tính đến ngày ${date(d.window.asOf)}) như sau:`];
}

export function defaultProposals(d: MonthlyData): string[] {
  const items: string[] = [];
  const late = unique(d.overdue.map((o) => o.org));
  if (late.length) {
    items.push(`Đề nghị UBND tỉnh chỉ đạo ${list(late)} khẩn trương hoàn thành ${d.overdue.length} nhiệm vụ đã quá hạn; trường hợp không thể hoàn thành phải báo cáo rõ nguyên nhân và đề xuất thời hạn mới.`);
  }
  const silent = d.reporting.agencies.filter((a) => a.missing > 0).map((a) => a.orgName);
  if (silent.length) {
    const day = d.directive.reporting_day ? ` trước ngày ${d.directive.reporting_day} hằng tháng` : '';
    items.push(`Đề nghị UBND tỉnh nhắc nhở ${list(silent)} chưa gửi đủ báo cáo ${monthPhrase(d.window.label)}; yêu cầu thực hiện nghiêm chế độ báo cáo${day}.`);
  }
  if (d.feedback.length) items.push('Đề nghị UBND tỉnh xem xét, chỉ đạo giải quyết các khó khăn, vướng mắc và đề xuất, kiến nghị của các cơ quan nêu tại mục II.5 của báo cáo này.');
  if (d.dueNext.length) items.push(`Đề nghị các cơ quan chủ trì ${d.dueNext.length} nhiệm vụ đến hạn trong ${monthPhrase(d.window.next.label)} tập trung nguồn lực, hoàn thành đúng thời hạn.`);
  if (!items.length) items.push('Đề nghị UBND tỉnh tiếp tục chỉ đạo các cơ quan, đơn vị triển khai đồng bộ, hiệu quả các nhiệm vụ được giao.');
  return items.map((t, i) => `${i + 1}. ${t}`);
}

export function closing(d: MonthlyData): string {
  return `Trên đây là báo cáo kết quả thực hiện ${directiveReference(d.directive)} ${monthPhrase(d.window.label)}, kính báo cáo UBND tỉnh xem xét, chỉ đạo./.`;
}

export const RECIPIENTS = ['UBND tỉnh (để báo cáo)', 'Các cơ quan, đơn vị được giao nhiệm vụ', 'Lưu: VT'];
