import { describe, expect, it } from 'vitest';
import { buildDocumentLexicon } from '../../server/importers/document-lexicon.ts';
import { parseDirectiveText } from '../../server/importers/parse.ts';
import { readTabTables } from '../../server/importers/tab-table.ts';
import { joinRomanNumeral, readGroupRow } from '../../server/importers/table-groups.ts';

const HEADER = 'TT\tTên nhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tSản phẩm\tThời gian hoàn thành';

/** Enough prose for the document to spell the words the table breaks. */
const PROSE = Array.from({ length: 4 }, () => 'Sở Khoa học và Công nghệ chủ trì đổi mới sáng tạo, thành phố thông minh.').join('\n');

function read(...rows: string[]) {
  const text = [PROSE, '', HEADER, ...rows].join('\n');
  const lines = text.split('\n');
  return readTabTables(lines, buildDocumentLexicon(text));
}

describe('tab-separated tables as extraction leaves them', () => {
  it('joins a cell continued on the next line (a line that starts with a tab) to the row above', () => {
    const [table] = read('4.\tXây dựng chuyên trang,\tBáo Hải\tCác cơ quan\tChuyên\tThường', '\tchuyên mục\tDương\tliên quan.\ttrang\txuyên');
    expect(table?.rows).toHaveLength(1);
    expect(table?.rows[0]?.cells).toEqual(['4.', 'Xây dựng chuyên trang, chuyên mục', 'Báo Hải Dương', 'Các cơ quan liên quan.', 'Chuyên trang', 'Thường xuyên']);
    expect(table?.rows[0]?.lines).toHaveLength(2);
  });

  it('skips the header repeated after a page break, and the row before it continues below it', () => {
    const [table] = read('1.\tViệc thứ nhất\tSở Y tế\t\tBáo cáo\t6/2025', '', HEADER, '\tvẫn là việc thứ nhất\t\t\t\t', '2.\tViệc thứ hai\tSở Tài chính\t\t\t12/2025');
    expect(table?.rows.map((r) => r.cells[1])).toEqual(['Việc thứ nhất vẫn là việc thứ nhất', 'Việc thứ hai']);
  });

  it('mends a word the extraction broke: lost diacritics, a lost letter, a doubled tail, a hyphen at the break', () => {
    const [table] = read(
      '1.\tA\tSở Khoa học và Công\t\t\t',
      '\t\tnghe\t\t\t',
      '2.\tĐổi mới sáng\tSở Khoa học và Công nghệ\t\t\t',
      '\tạo\tnghe\t\t\t',
      '3.\tNghị quyết 03/NQ-\t\t\t\t',
      '\tCP\t\t\t\t',
    );
    const [first, second, third] = table?.rows ?? [];
    expect(first?.cells[2]).toBe('Sở Khoa học và Công nghệ');
    expect(second?.cells[1]).toBe('Đổi mới sáng tạo');
    expect(second?.cells[2]).toBe('Sở Khoa học và Công nghệ');
    expect(third?.cells[1]).toBe('Nghị quyết 03/NQ-CP');
    expect(first?.repairs).toEqual([{ from: 'nghe', to: 'nghệ' }]);
    expect(second?.repairs).toEqual([
      { from: 'ạo', to: 'tạo' },
      { from: 'nghệ nghe', to: 'nghệ' },
    ]);
  });

  it('leaves a word alone when the document gives no evidence for a repair', () => {
    const [table] = read('1.\tKiểm tra trang\t\t\t\t', '\tnghe nhìn\t\t\t\t');
    expect(table?.rows[0]?.cells[1]).toBe('Kiểm tra trang nghe nhìn');
    expect(table?.rows[0]?.repairs).toEqual([]);
  });

  it('ends a table at a line without tabs or at another table\'s header, and notes continuation lines with no row', () => {
    const text = [HEADER, '\torphan\t\t\t\t', '1.\tViệc\tSở Y tế\t\t\t', 'Phụ lục II', 'TT\tChỉ tiêu\tĐơn vị\tKết quả\tCơ quan theo dõi', '1\tTỷ lệ\t%\t90\tSở Y tế'].join('\n');
    const tables = readTabTables(text.split('\n'), buildDocumentLexicon(text));
    expect(tables.map((t) => [t.headerLine, t.endLine, t.rows.length, t.orphanLines])).toEqual([
      [0, 3, 1, [1]],
      [4, 6, 1, []],
    ]);
  });
});

describe('group rows', () => {
  it('reads a section numeral broken by the extraction, a numeral with its name in one cell, the horizon year', () => {
    expect(joinRomanNumeral('VII I')).toBe('VIII');
    expect(readGroupRow('V I', 'Đảm bảo an ninh an toàn', ['', '', '', ''])).toEqual({ code: 'VI', title: 'Đảm bảo an ninh an toàn', year: null });
    expect(readGroupRow('II Đến năm 2045', '', ['', '', ''])).toEqual({ code: 'II', title: 'Đến năm 2045', year: 2045 });
    expect(readGroupRow('I', 'Đến năm 2030', ['', '', ''])).toMatchObject({ year: 2030 });
    expect(readGroupRow('I', 'Đến năm 2030', ['%', '', ''])).toBeNull();
    expect(readGroupRow('12', 'Một nhiệm vụ', ['', ''])).toBeNull();
  });
});

describe('a task table grouped by numbered rows', () => {
  it('takes "1 | Nhóm …" with nothing else, followed by "1.1", as a section', () => {
    const parsed = parseDirectiveText(
      [
        'STT\tNhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành',
        '1\tNhóm nhiệm vụ về thể chế\t\t\t',
        '1.1\tRà soát văn bản quy phạm\tSở Tư pháp\tCác sở, ngành\tQuý II/2025',
        '1.2\tBan hành quy chế\tVăn phòng UBND tỉnh\t\tNăm 2025',
        '2\tNhiệm vụ độc lập\tSở Nội vụ\t\tThường xuyên',
      ].join('\n'),
    );
    expect(parsed.sections).toEqual([{ code: '1', title: 'Nhóm nhiệm vụ về thể chế' }]);
    expect(parsed.tasks.map((t) => [t.ordinal, t.section, t.leads, t.deadline.dueOn])).toEqual([
      ['1.1', '1', ['Sở Tư pháp'], '2025-06-30'],
      ['1.2', '1', ['Văn phòng UBND tỉnh'], '2025-12-31'],
      ['2', null, ['Sở Nội vụ'], null],
    ]);
  });

  it('gives a number written twice a free one and a warning, so re-import cannot merge the two (found by the fuzz)', () => {
    const parsed = parseDirectiveText(
      [
        'STT\tNhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành',
        '1\tRà soát văn bản quy phạm\tSở Tư pháp\t\tQuý II/2025',
        '2\tBan hành quy chế\tVăn phòng UBND tỉnh\t\tNăm 2025',
        '2\tTổ chức tập huấn\tSở Nội vụ\t\tThường xuyên',
        '2\tSố hóa hồ sơ\tSở Y tế\t\tNăm 2026',
      ].join('\n'),
    );
    expect(parsed.tasks.map((t) => [t.ordinal, t.title])).toEqual([
      ['1', 'Rà soát văn bản quy phạm'],
      ['2', 'Ban hành quy chế'],
      ['2 (2)', 'Tổ chức tập huấn'],
      ['2 (3)', 'Số hóa hồ sơ'],
    ]);
    const repeated = parsed.warnings.filter((w) => w.code === 'ordinal_repeated');
    expect(repeated.map((w) => [w.where, w.message.includes('2 (2)') || w.message.includes('2 (3)')])).toEqual([
      ['nhiệm vụ 2', true],
      ['nhiệm vụ 2', true],
    ]);
  });
});

describe('an indicator table whose cells lost their tabs (PDF text)', () => {
  const text = [
    'ỦY BAN NHÂN DÂN TỈNH BẮC NINH',
    'Số: 15/KH-UBND',
    'KẾ HOẠCH',
    'Chuyển đổi số năm 2026',
    'I. MỤC TIÊU',
    'Giao Sở Khoa học và Công nghệ chủ trì, theo dõi, tổng hợp việc thực hiện Kế hoạch, hoàn thành trước ngày 30/6/2026.',
    'Phụ lục',
    'STT Nội dung chỉ tiêu Đơn vị tính Mục tiêu Cơ quan theo dõi',
    '1',
    'Tỷ lệ dân số trưởng thành có',
    'chữ ký số cá nhân đến năm 2026 % ≥ 50',
    'Công an tỉnh',
    '2 Số người được đào tạo kỹ năng',
    'số cơ bản theo Đề án 06 người 1.200 Sở Nội vụ',
    '3',
    'Tỷ lệ hồ sơ trực tuyến toàn trình',
    '% 60 - 70',
    'Trung tâm Phục vụ',
    'hành chính công',
    'NƠI NHẬN:',
  ].join('\n');

  it('reads each numbered row: name, unit, target and monitoring agency, and stops at the end of the table', () => {
    const parsed = parseDirectiveText(text);
    expect(parsed.indicators.map((i) => [i.code, i.name, i.unit, i.target.text, i.monitors])).toEqual([
      ['1', 'Tỷ lệ dân số trưởng thành có chữ ký số cá nhân đến năm 2026', '%', '≥ 50', ['Công an tỉnh']],
      ['2', 'Số người được đào tạo kỹ năng số cơ bản theo Đề án 06', 'người', '1.200', ['Sở Nội vụ']],
      ['3', 'Tỷ lệ hồ sơ trực tuyến toàn trình', '%', '60 - 70', ['Trung tâm Phục vụ hành chính công']],
    ]);
    expect(parsed.indicators[2]?.target).toMatchObject({ operator: 'range', value: 60, valueMax: 70 });
    // The table's lines are not read again as prose instructions.
    expect(parsed.tasks.every((t) => !t.title.includes('Tỷ lệ'))).toBe(true);
  });
});
