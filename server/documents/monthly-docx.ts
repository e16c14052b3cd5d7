import type { Paragraph, Table } from 'docx';
import { vietnamDate } from '../domain/time.ts';
import { LANDSCAPE_TEXT_WIDTH, TEXT_WIDTH, body, dash, heading, landscapeSection, packDocument, para, portraitSection, run } from './layout.ts';
import type { MonthlyData } from './monthly-data.ts';
import { RECIPIENTS, closing, defaultOpening, defaultProposals } from './monthly-text.ts';
import { letterhead, signOff, titleBlock } from './nd30.ts';
import { dataTable } from './tables.ts';
import { date, directiveShort, monthPhrase, paragraphsOf } from './wording.ts';

/** The monthly synthesis of a directive as a DOCX in the layout of Nghị định 30/2020/NĐ-CP. */

export interface MonthlyOverrides {
  opening?: string | undefined;
  proposals?: string | undefined;
}

type Block = Paragraph | Table;
const capital = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
/** Text without its closing punctuation, to be joined into a longer sentence. */
const bare = (s: string) => s.trim().replace(/[.;,:\s]+$/u, '');
const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0');

function overview(d: MonthlyData): Block[] {
  const prev = capital(monthPhrase(d.window.previous.label));
  const cur = capital(monthPhrase(d.window.label));
  const count = (s: string) => d.statuses.find((x) => x.statusClass === s)?.current ?? 0;
  const done = count('completed_on_time') + count('completed_late');
  const rows = d.statuses.map((s, i) => [i + 1, s.label, s.previous, s.current, signed(s.current - s.previous)]);
  rows.push(['', 'Tổng số nhiệm vụ', d.totals.previous, d.totals.current, signed(d.totals.current - d.totals.previous)]);
  return [
    heading('I. TÌNH HÌNH CHUNG'),
    body(`Tổng số nhiệm vụ được giao: ${d.totals.current}; đã hoàn thành ${done} nhiệm vụ (đúng hạn ${count('completed_on_time')}, quá hạn ${count('completed_late')}); quá hạn chưa hoàn thành ${count('overdue')}; sắp đến hạn ${count('due_soon')}; đang thực hiện trong hạn ${count('in_progress')}; thường xuyên ${count('ongoing')}; chờ điều kiện ${count('waiting_condition')}; chưa triển khai ${count('not_started')}. So sánh với tháng trước:`),
    dataTable(
      [
        { header: 'TT', share: 6, align: 'center' },
        { header: 'Trạng thái', share: 40 },
        { header: prev, share: 16, align: 'center' },
        { header: cur, share: 16, align: 'center' },
        { header: 'Tăng (+), giảm (−)', share: 18, align: 'center' },
      ],
      rows,
      TEXT_WIDTH,
    ),
  ];
}

function completedPart(d: MonthlyData): Block[] {
  const out: Block[] = [heading(`1. Nhiệm vụ hoàn thành trong ${monthPhrase(d.window.label)}`)];
  if (!d.completed.length) return [...out, body('Trong tháng không có nhiệm vụ nào được xác nhận hoàn thành.')];
  return [
    ...out,
    dataTable(
      [
        { header: 'TT', share: 7, align: 'center' },
        { header: 'Nhiệm vụ', share: 42 },
        { header: 'Cơ quan chủ trì', share: 20 },
        { header: 'Ngày hoàn thành', share: 15, align: 'center' },
        { header: 'Đánh giá', share: 16 },
      ],
      d.completed.map((c) => [c.ordinal, c.title, c.leads, c.completedOn, c.status]),
      TEXT_WIDTH,
    ),
  ];
}

function overduePart(d: MonthlyData): Block[] {
  const out: Block[] = [heading(`2. Nhiệm vụ quá hạn chưa hoàn thành (tính đến ngày ${date(d.window.asOf)})`)];
  if (!d.overdue.length) return [...out, body('Không có nhiệm vụ quá hạn.')];
  return [
    ...out,
    dataTable(
      [
        { header: 'TT', share: 7, align: 'center' },
        { header: 'Nhiệm vụ', share: 44 },
        { header: 'Cơ quan chủ trì', share: 21 },
        { header: 'Thời hạn', share: 15, align: 'center' },
        { header: 'Số ngày quá hạn', share: 13, align: 'center' },
      ],
      d.overdue.map((o) => [o.ordinal, o.title, o.org, o.dueOn, o.daysLate]),
      TEXT_WIDTH,
    ),
  ];
}

function dueNextPart(d: MonthlyData): Block[] {
  const out: Block[] = [heading(`3. Nhiệm vụ đến hạn trong ${monthPhrase(d.window.next.label)}`)];
  if (!d.dueNext.length) return [...out, body('Không có nhiệm vụ đến hạn trong tháng tới.')];
  return [
    ...out,
    dataTable(
      [
        { header: 'TT', share: 7, align: 'center' },
        { header: 'Nhiệm vụ', share: 50 },
        { header: 'Cơ quan chủ trì', share: 27 },
        { header: 'Thời hạn', share: 16, align: 'center' },
      ],
      d.dueNext.map((n) => [n.ordinal, n.title, n.orgs, n.dueOn]),
      TEXT_WIDTH,
    ),
  ];
}

function reportingPart(d: MonthlyData): Block[] {
  const r = d.reporting;
  const out: Block[] = [
    heading('4. Tình hình gửi báo cáo của các cơ quan'),
    body(`Kỳ ${monthPhrase(d.window.label)} có ${r.required} lượt báo cáo phải gửi; đã gửi ${r.submitted} (gửi muộn ${r.late}); chưa gửi ${r.required - r.submitted}.`),
  ];
  if (!r.agencies.length) return [...out, body('Tất cả các cơ quan đã gửi báo cáo đúng hạn.')];
  return [
    ...out,
    dataTable(
      [
        { header: 'TT', share: 7, align: 'center' },
        { header: 'Cơ quan chưa báo cáo hoặc báo cáo muộn', share: 51 },
        { header: 'Phải báo cáo', share: 14, align: 'center' },
        { header: 'Chưa báo cáo', share: 14, align: 'center' },
        { header: 'Gửi muộn', share: 14, align: 'center' },
      ],
      r.agencies.map((a, i) => [i + 1, a.orgName, a.required, a.missing, a.late]),
      TEXT_WIDTH,
    ),
  ];
}

function feedbackPart(d: MonthlyData): Block[] {
  const out: Block[] = [heading('5. Khó khăn, vướng mắc và đề xuất, kiến nghị của các cơ quan')];
  if (!d.feedback.length) return [...out, body('Các cơ quan không nêu khó khăn, vướng mắc trong kỳ.')];
  for (const g of d.feedback) {
    out.push(body(g.orgName, { bold: true, italics: true }));
    for (const item of g.items) {
      const parts = [item.obstacles ? `khó khăn, vướng mắc: ${bare(item.obstacles)}` : null, item.proposals ? `đề xuất, kiến nghị: ${bare(item.proposals)}` : null].filter(Boolean);
      const [first] = item.tasks;
      const which = item.tasks.length === 1 && first ? `Nhiệm vụ ${first.ordinal} (${bare(first.title)}): ` : `Các nhiệm vụ ${item.tasks.map((t) => t.ordinal).join(', ')}: `;
      out.push(dash([run(which, { italics: true }), run(`${parts.join('; ')}.`)]));
    }
  }
  return out;
}

function indicatorPart(d: MonthlyData): Block[] {
  const out: Block[] = [heading('6. Thực hiện các chỉ tiêu')];
  if (!d.indicators.length) return [...out, body('Văn bản không đặt chỉ tiêu.')];
  const tally = (label: string) => d.indicators.filter((i) => i.assessment === label).length;
  return [
    ...out,
    body(`Có ${d.indicators.length} chỉ tiêu: đạt tiến độ ${tally('Đạt tiến độ')}, có nguy cơ ${tally('Có nguy cơ')}, chậm ${tally('Chậm')}, chưa đánh giá ${tally('Chưa đánh giá')}.`),
    dataTable(
      [
        { header: 'Mã', share: 8, align: 'center' },
        { header: 'Chỉ tiêu', share: 42 },
        { header: 'Mục tiêu', share: 18 },
        { header: 'Giá trị đạt được', share: 16, align: 'center' },
        { header: 'Đánh giá', share: 16 },
      ],
      d.indicators.map((i) => [i.code, i.name, i.target, i.value, i.assessment]),
      TEXT_WIDTH,
    ),
  ];
}

function appendix(d: MonthlyData): Block[] {
  return [
    para('PHỤ LỤC', { align: 'center', bold: true }),
    para(`DANH MỤC NHIỆM VỤ VÀ TÌNH HÌNH THỰC HIỆN ĐẾN NGÀY ${date(d.window.asOf)}`, { align: 'center', bold: true }),
    para(`(Kèm theo Báo cáo số        /BC-${d.issuer.symbol} ngày      /     /${vietnamDate().slice(0, 4)} của ${d.issuer.orgName})`, { align: 'center', italics: true, after: 240 }),
    dataTable(
      [
        { header: 'TT', share: 5, align: 'center' },
        { header: 'Tên nhiệm vụ', share: 38 },
        { header: 'Cơ quan chủ trì', share: 17 },
        { header: 'Thời gian hoàn thành', share: 12, align: 'center' },
        { header: 'Trạng thái', share: 13 },
        { header: 'Tiến độ (%)', share: 8, align: 'center' },
        { header: 'Số ngày quá hạn', share: 8, align: 'center' },
      ],
      d.appendix.map((t) => [t.ordinal, t.title, t.leads, t.deadline, t.status, t.progress, t.daysLate]),
      LANDSCAPE_TEXT_WIDTH,
    ),
  ];
}

export async function renderMonthly(d: MonthlyData, overrides: MonthlyOverrides = {}): Promise<Buffer> {
  const opening = overrides.opening?.trim() ? paragraphsOf(overrides.opening) : defaultOpening(d);
  const proposals = overrides.proposals?.trim() ? paragraphsOf(overrides.proposals) : defaultProposals(d);
  const main: Block[] = [
    letterhead(d.issuer, 'BC', vietnamDate()),
    ...titleBlock('BÁO CÁO', [`Kết quả thực hiện ${directiveShort(d.directive)}${d.directive.issued_on ? ` ngày ${date(d.directive.issued_on)}` : ''}`, `${d.directive.issuer_name ? `của ${d.directive.issuer_name} ` : ''}trong ${monthPhrase(d.window.label)}`]),
    ...opening.map((p) => body(p)),
    ...overview(d),
    heading('II. KẾT QUẢ THỰC HIỆN CỤ THỂ'),
    ...completedPart(d),
    ...overduePart(d),
    ...dueNextPart(d),
    ...reportingPart(d),
    ...feedbackPart(d),
    ...indicatorPart(d),
    heading('III. ĐỀ XUẤT, KIẾN NGHỊ'),
    ...proposals.map((p) => body(p)),
    body(closing(d)),
    signOff(RECIPIENTS, d.issuer),
  ];
  return packDocument(`Báo cáo ${monthPhrase(d.window.label)} — ${d.directive.number}`, [portraitSection(main), landscapeSection(appendix(d))]);
}
