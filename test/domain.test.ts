import { describe, expect, it } from 'vitest';
import { parseDeadline } from '../server/domain/deadlines.ts';
import { rollUpStatus, statusClassOf } from '../server/domain/status.ts';
import { parseTarget } from '../server/domain/targets.ts';
import { isIsoDate } from '../server/domain/time.ts';
import { foldVietnamese, searchTerms, vietnameseCollator, vietnameseSortKey } from '../server/domain/vietnamese.ts';

describe('Vietnamese text', () => {
  it('folds accents, đ and case, in NFC and NFD alike', () => {
    expect(foldVietnamese('Sở Khoa học và Công nghệ')).toBe('so khoa hoc va cong nghe');
    expect(foldVietnamese('ĐẤT ĐAI')).toBe('dat dai');
    expect(foldVietnamese('Sở Y tế'.normalize('NFD'))).toBe('so y te');
    expect(searchTerms('  so   y%te_ ')).toEqual(['so', 'yte']);
  });

  it('sort keys order names as Intl.Collator("vi") does', () => {
    const names = ['Ủy ban', 'Uông Bí', 'Sở Y tế', 'Sở Xây dựng', 'Đài Phát thanh', 'Dương Kinh', 'Ân Thi', 'An Lão', 'Ăn uống', 'Ơn', 'Ôn', 'Ong', 'Ưng', 'Ung', 'Bắc Ninh', 'Báo', 'Bảo hiểm', 'Bao'];
    const byKey = [...names].sort((a, b) => (vietnameseSortKey(a) < vietnameseSortKey(b) ? -1 : 1));
    const byCollator = [...names].sort((a, b) => new Intl.Collator('vi').compare(a, b));
    expect(byKey).toEqual(byCollator);
    expect(vietnameseCollator.compare('đ', 'e')).toBeLessThan(0);
  });
});

describe('dates as input', () => {
  it('takes real dates in the years the working calendar covers, and nothing else (found by the fuzz)', () => {
    for (const ok of ['1900-01-01', '2025-02-28', '2024-02-29', '2999-12-31']) expect(isIsoDate(ok), ok).toBe(true);
    for (const bad of ['0073-10-01', '0001-01-01', '1899-12-31', '3000-01-01', '9999-12-31', '2025-02-30', '2025-13-01', '2025-1-01']) expect(isIsoDate(bad), bad).toBe(false);
  });
});

describe('deadlines as written', () => {
  const doc = '2025-02-20';
  it.each([
    ['trước ngày 10/3/2025', 'date', '2025-03-10'],
    ['hoàn thành trước 10 giờ ngày 20/02/2025', 'date', '2025-02-20'],
    ['02/2025', 'month', '2025-02-28'],
    ['trong tháng 6/2025', 'month', '2025-06-30'],
    ['Quý IV/2022', 'quarter', '2022-12-31'],
    ['trong quý I năm 2025', 'quarter', '2025-03-31'],
    ['Năm 2026', 'year', '2026-12-31'],
    ['Thường xuyên', 'ongoing', null],
    ['Sau khi Trung ương ban hành', 'conditional', null],
    ['Theo hướng dẫn của Trung ương', 'conditional', null],
    ['Theo lộ trình', 'conditional', null],
    ['5/2025 và thực hiện thường xuyên', 'compound', '2025-05-31'],
    ['12/2025 và các năm tiếp theo', 'compound', '2025-12-31'],
    ['3/2025 (Bãi đỗ xe tại Côn Sơn, Bệnh viện Nhi). Đối với các địa bàn khác hoàn thành trong những năm tiếp theo', 'compound', '2025-03-31'],
    ['Trước tháng 10 hàng năm', 'annual', '2025-09-30'],
    ['Tháng 01 hàng năm', 'annual', '2026-01-31'],
    ['', 'none', null],
  ])('%s → %s %s', (text, kind, due) => {
    const d = parseDeadline(text, doc);
    expect(d.kind).toBe(kind);
    expect(d.dueOn).toBe(due);
    expect(d.text).toBe(text);
  });

  it('says how precise the date is, and whether the task recurs or goes on', () => {
    expect(parseDeadline('trước ngày 10/3/2025', doc)).toMatchObject({ precision: 'day', ongoing: false, annual: false });
    expect(parseDeadline('02/2025', doc)).toMatchObject({ precision: 'month' });
    expect(parseDeadline('Quý IV/2022', doc)).toMatchObject({ precision: 'quarter' });
    expect(parseDeadline('Năm 2026', doc)).toMatchObject({ precision: 'year' });
    expect(parseDeadline('Thường xuyên', doc)).toMatchObject({ precision: null, ongoing: true });
    expect(parseDeadline('5/2025 và thực hiện thường xuyên', doc)).toMatchObject({ precision: 'month', ongoing: true });
    expect(parseDeadline('Trước tháng 10 hàng năm', doc)).toMatchObject({ annual: true, precision: 'month' });
    expect(parseDeadline('Sau khi Trung ương ban hành', doc)).toMatchObject({ precision: null, ongoing: false, annual: false });
  });

  it.each([
    ['trong tháng 6', 'month', '2025-06-30'],
    ['trong quý III', 'quarter', '2025-09-30'],
    ['trước ngày 15/6', 'date', '2025-06-15'],
    ['trước ngày 15 tháng 4', 'date', '2025-04-15'],
    ['trong vòng 30 ngày', 'date', '2025-03-22'],
    ['trong 5 ngày làm việc', 'date', '2025-02-27'],
    ['trong năm nay', 'year', '2025-12-31'],
  ])('resolves "%s" against the document date', (text, kind, due) => {
    expect(parseDeadline(text, doc)).toMatchObject({ kind, dueOn: due });
  });

  it('gives no due date for years and months no calendar has (found by the fuzz: "0-12-31", "2026-00-31")', () => {
    for (const text of ['Quý IV/0000', 'Quý IV/9999', '12/9999', 'tháng 12 năm 0999', 'Tháng 00 hàng năm', 'trước tháng 13 hàng năm']) {
      expect(parseDeadline(text, '2025-02-20'), text).toMatchObject({ kind: 'none', dueOn: null });
    }
    expect(parseDeadline('5/0000 và thực hiện thường xuyên', '2025-02-20')).toMatchObject({ kind: 'ongoing', dueOn: null });
  });

  it('does not take "ngày 18 hàng tháng" for a clock time', () => {
    expect(parseDeadline('vào ngày 18 hàng tháng', doc).dueTime).toBeUndefined();
  });

  it('keeps the clock time and what follows a compound date', () => {
    expect(parseDeadline('trước 10 giờ ngày 20/02/2025').dueTime).toBe('10:00');
    expect(parseDeadline('12/2025 và các năm tiếp theo').continues).toBe('following_years');
    expect(parseDeadline('Trước tháng 10 hàng năm', doc).recurrence).toEqual({ month: 10, before: true });
  });
});

describe('targets', () => {
  it.each([
    ['$\\geq 0,8$', 'gte', 0.8],
    ['Từ 55% trở lên', 'gte', 55],
    ['90', 'gte', 90],
    ['Trên 40%', 'gt', 40],
    ['Nhóm 20 địa phương dẫn đầu', 'rank', 20],
    ['Tiên tiến, hiện đại', 'qualitative', null],
    ['1.000 doanh nghiệp', 'eq', 1000],
    ['≤ 20', 'lte', 20],
    ['> 60', 'gt', 60],
    ['100%', 'gte', 100],
    ['Xếp hạng ở nhóm 15 tỉnh, thành', 'rank', 15],
    ['Thuộc nhóm các địa phương dẫn đầu cả nước', 'rank', null],
  ])('%s → %s %s', (text, operator, value) => {
    const t = parseTarget(text);
    expect(t.operator).toBe(operator);
    expect(t.value).toBe(value);
  });

  it.each([
    ['1-2', 1, 2],
    ['16 - 18', 16, 18],
    ['8 – 10', 8, 10],
    ['từ 1,5 đến 2,5', 1.5, 2.5],
  ])('range %s', (text, low, high) => {
    expect(parseTarget(text)).toMatchObject({ operator: 'range', value: low, valueMax: high });
  });

  it('reads compound targets, percentages and LaTeX', () => {
    expect(parseTarget('$\\geq 3\\%$ và tăng dần theo yêu cầu phát triển')).toEqual({
      operator: 'gte',
      value: 3,
      valueMax: null,
      percent: true,
      qualifier: 'tăng dần theo yêu cầu phát triển',
    });
    expect(parseTarget('≥ 3% và tăng dần theo yêu cầu phát triển')).toMatchObject({ operator: 'gte', value: 3, qualifier: 'tăng dần theo yêu cầu phát triển' });
    expect(parseTarget('100%')).toMatchObject({ percent: true });
    expect(parseTarget('90').percent).toBeUndefined();
  });

  it('does not read a figure no indicator can hold (a run of 400 digits, 10^16)', () => {
    expect(parseTarget(`Đạt ${'9'.repeat(400)}`)).toMatchObject({ operator: 'qualitative', value: null });
    expect(parseTarget('Tối thiểu 10.000.000.000.000.000 đồng')).toMatchObject({ value: null });
    expect(parseTarget('Tối thiểu 1.000.000.000.000.000 đồng')).toMatchObject({ operator: 'gte', value: 1e15 });
  });
});

describe('status classes', () => {
  const base = { state: 'open', deadlineKind: 'month', dueOn: '2025-05-31', judgedDueOn: '2025-05-31', completedOn: null, progress: 0, hasReport: false };
  it('follows the clock and the decisions', () => {
    expect(statusClassOf(base, '2025-06-01')).toBe('overdue');
    expect(statusClassOf(base, '2025-05-25')).toBe('due_soon');
    expect(statusClassOf(base, '2025-03-01')).toBe('not_started');
    expect(statusClassOf({ ...base, hasReport: true }, '2025-03-01')).toBe('in_progress');
    expect(statusClassOf({ ...base, state: 'completed', completedOn: '2025-05-30' }, '2025-07-01')).toBe('completed_on_time');
    expect(statusClassOf({ ...base, state: 'completed', completedOn: '2025-06-03' }, '2025-07-01')).toBe('completed_late');
    expect(statusClassOf({ ...base, dueOn: null, judgedDueOn: null, deadlineKind: 'ongoing' }, '2025-07-01')).toBe('ongoing');
    expect(statusClassOf({ ...base, dueOn: null, judgedDueOn: null, deadlineKind: 'conditional' }, '2025-07-01')).toBe('waiting_condition');
    expect(rollUpStatus(['completed_on_time', 'overdue'])).toBe('overdue');
  });
});
