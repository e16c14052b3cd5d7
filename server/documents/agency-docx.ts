import type { Paragraph, Table } from 'docx';
import { vietnamDate } from '../domain/time.ts';
import type { AgencyData } from './agency-data.ts';
import { TEXT_WIDTH, body, dash, heading, packDocument, portraitSection } from './layout.ts';
import { letterhead, signOff, titleBlock } from './nd30.ts';
import { type Cell, type Column, dataTable } from './tables.ts';
import { REPORT_STATE_LABELS, clip, date, directiveReference, directiveShort, monthPhrase, periodShort } from './wording.ts';

/**
 * One agency's report as a DOCX (NĐ 30 layout), issued by the coordinating office and addressed to the
 * agency: for its own meeting, or for the inspectorate.
 */

type Block = Paragraph | Table;
interface Ref {
  directive: string;
  ordinal: string;
  title: string;
}

/** With one directive the "Văn bản" column says nothing; across directives it tells whose task 27 it is. */
function table(d: AgencyData, columns: Column[], rows: { ref: Ref; cells: Cell[] }[]): Table {
  const lead: Column[] = d.directive ? [{ header: 'TT', share: 7, align: 'center' }] : [{ header: 'Văn bản', share: 14 }, { header: 'TT', share: 6, align: 'center' }];
  const leadCells = (r: Ref): Cell[] => (d.directive ? [r.ordinal] : [r.directive, r.ordinal]);
  return dataTable([...lead, ...columns], rows.map((r) => [...leadCells(r.ref), ...r.cells]), TEXT_WIDTH);
}

const scope = (d: AgencyData) => (d.directive ? `của ${directiveReference(d.directive)}` : 'của các văn bản chỉ đạo của UBND tỉnh');

function overview(d: AgencyData): Block[] {
  const rows = d.statuses.map((s, i) => [i + 1, s.label, s.count]);
  rows.push(['', 'Tổng số', d.total]);
  return [
    heading('I. TÌNH HÌNH CHUNG'),
    body(`${d.org.name} được giao chủ trì ${d.total} nhiệm vụ; đang thực hiện ${d.open.length}, quá hạn ${d.overdue.length}. Phân theo trạng thái:`),
    dataTable([{ header: 'TT', share: 8, align: 'center' }, { header: 'Trạng thái', share: 62 }, { header: 'Số nhiệm vụ', share: 30, align: 'center' }], rows, TEXT_WIDTH),
  ];
}

function openPart(d: AgencyData): Block[] {
  const head = heading('1. Nhiệm vụ đang thực hiện');
  if (!d.open.length) return [head, body('Không có nhiệm vụ đang thực hiện.')];
  const cols: Column[] = [{ header: 'Nhiệm vụ', share: 42 }, { header: 'Thời hạn', share: 15, align: 'center' }, { header: 'Trạng thái', share: 16 }, { header: 'Tiến độ (%)', share: 10, align: 'center' }];
  return [head, table(d, cols, d.open.map((o) => ({ ref: o, cells: [o.unit ? `${o.title} (${o.unit})` : o.title, o.deadline, o.status, o.progress] })))];
}

function reportsPart(d: AgencyData): Block[] {
  const late = d.reports.filter((r) => r.late).length;
  const out: Block[] = [heading(`2. Báo cáo ${monthPhrase(d.window.label)}`), body(`Đã gửi ${d.reports.length} báo cáo (gửi muộn ${late}); chưa gửi ${d.missing.length} báo cáo.`)];
  if (d.reports.length) {
    const cols: Column[] = [{ header: 'Nhiệm vụ', share: 25 }, { header: 'Kết quả thực hiện', share: 28 }, { header: 'Tiến độ (%)', share: 10, align: 'center' }, { header: 'Ngày gửi', share: 18, align: 'center' }, { header: 'Tình trạng', share: 14 }];
    const state = (r: AgencyData['reports'][number]) => `${REPORT_STATE_LABELS[r.state] ?? r.state}${r.late ? ' (muộn)' : ''}`;
    out.push(table(d, cols, d.reports.map((r) => ({ ref: { directive: r.directiveNumber, ordinal: r.ordinal, title: r.title }, cells: [clip(r.title, 150), clip(r.results, 300), r.progress, r.submittedAt ? date(vietnamDate(new Date(r.submittedAt))) : '', state(r)] }))));
  }
  if (d.missing.length) out.push(body('Nhiệm vụ chưa có báo cáo trong kỳ:', { italics: true }), ...d.missing.map((m) => dash(`${d.directive ? '' : `${m.directive}, `}nhiệm vụ ${m.ordinal}: ${m.title}`)));
  return out;
}

function overduePart(d: AgencyData): Block[] {
  const head = heading(`3. Nhiệm vụ quá hạn (tính đến ngày ${date(d.window.asOf)})`);
  if (!d.overdue.length) return [head, body('Không có nhiệm vụ quá hạn.')];
  const cols: Column[] = [{ header: 'Nhiệm vụ', share: 53 }, { header: 'Thời hạn', share: 15, align: 'center' }, { header: 'Số ngày quá hạn', share: 15, align: 'center' }];
  return [head, table(d, cols, d.overdue.map((o) => ({ ref: o, cells: [o.title, o.dueOn, o.daysLate] })))];
}

function returnedPart(d: AgencyData): Block[] {
  const head = heading('4. Báo cáo bị trả lại, chưa gửi lại');
  if (!d.returned.length) return [head, body('Không có báo cáo bị trả lại.')];
  const cols: Column[] = [{ header: 'Nhiệm vụ', share: 31 }, { header: 'Kỳ', share: 10, align: 'center' }, { header: 'Ngày trả lại', share: 15, align: 'center' }, { header: 'Lý do', share: 27 }];
  return [head, table(d, cols, d.returned.map((r) => ({ ref: r, cells: [r.title, periodShort(r.period), r.returnedOn, r.comment] })))];
}

function requestsPart(d: AgencyData): Block[] {
  const out: Block[] = [heading('5. Đề nghị gia hạn, đề nghị xác nhận hoàn thành đang chờ xử lý')];
  if (!d.extensions.length && !d.completions.length) return [...out, body('Không có đề nghị đang chờ xử lý.')];
  for (const e of d.extensions) out.push(dash(`Gia hạn nhiệm vụ ${e.ordinal} (${e.directive}) "${e.title}": từ ${e.previousDue} đến ${e.requestedDue}, đề nghị ngày ${e.requestedOn}; lý do: ${clip(e.reason, 300)}`));
  for (const c of d.completions) out.push(dash(`Xác nhận hoàn thành nhiệm vụ ${c.ordinal} (${c.directive}) "${c.title}", đề nghị ngày ${c.proposedOn}; sản phẩm: ${clip(c.note, 300)}`));
  return out;
}

function proposals(d: AgencyData): string[] {
  const asks: string[] = [];
  if (d.overdue.length) asks.push(`khẩn trương hoàn thành ${d.overdue.length} nhiệm vụ đã quá hạn`);
  if (d.missing.length) asks.push(`gửi ${d.missing.length} báo cáo còn thiếu của ${monthPhrase(d.window.label)}`);
  if (d.returned.length) asks.push(`chỉnh sửa, gửi lại ${d.returned.length} báo cáo bị trả lại`);
  if (!asks.length) asks.push('tiếp tục triển khai các nhiệm vụ được giao, bảo đảm tiến độ và chất lượng');
  return [`Đề nghị ${d.org.name} ${asks.join('; ')}.`];
}

export async function renderAgency(d: AgencyData): Promise<Buffer> {
  const month = monthPhrase(d.window.label);
  const summary = d.directive ? [`Tình hình thực hiện nhiệm vụ của ${d.org.name}`, `theo ${directiveShort(d.directive)}, ${month}`] : [`Tình hình thực hiện nhiệm vụ được giao của ${d.org.name}`, month];
  const blocks: Block[] = [
    letterhead(d.issuer, 'BC', vietnamDate()),
    ...titleBlock('BÁO CÁO', summary, d.org.name),
    body(`Căn cứ kết quả theo dõi, ${d.issuer.orgName || 'cơ quan theo dõi'} tổng hợp tình hình thực hiện các nhiệm vụ ${scope(d)} giao ${d.org.name} chủ trì (số liệu tính đến ngày ${date(d.window.asOf)}) như sau:`),
    ...overview(d),
    heading('II. KẾT QUẢ CỤ THỂ'),
    ...openPart(d),
    ...reportsPart(d),
    ...overduePart(d),
    ...returnedPart(d),
    ...requestsPart(d),
    heading('III. ĐỀ NGHỊ'),
    ...proposals(d).map((p) => body(p)),
    body(`Trên đây là tình hình thực hiện nhiệm vụ được giao của ${d.org.name} đến ngày ${date(d.window.asOf)}./.`),
    signOff(['Như trên', 'UBND tỉnh (để báo cáo)', 'Thanh tra tỉnh', 'Lưu: VT'], d.issuer),
  ];
  return packDocument(`Báo cáo ${month} — ${d.org.name}`, [portraitSection(blocks)]);
}
