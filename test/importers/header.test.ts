import { describe, expect, it } from 'vitest';
import { caseOfficeTitle, caseOrganisationName, indexWrittenForms } from '../../server/importers/casing.ts';
import { kindFromNumber, kindFromTitleWord } from '../../server/importers/document-kind.ts';
import { readHeader } from '../../server/importers/header.ts';
import { readImplemented } from '../../server/importers/legal-basis.ts';
import { readReportingRule } from '../../server/importers/reporting-rule.ts';
import { readSigner } from '../../server/importers/signer.ts';

describe('the header block', () => {
  it('reads a decision of a People\'s Council set as a table (issuer and motto on one line)', () => {
    const lines = [
      'HỘI ĐỒNG NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'TỈNH NAM ĐỊNH\tĐộc lập - Tự do - Hạnh phúc',
      'Số: 07/2024/NQ-HĐND\tNam Định, ngày 09 tháng 7 năm 2024',
      '',
      'NGHỊ QUYẾT',
      'Quy định chính sách hỗ trợ chuyển đổi số',
      'trên địa bàn tỉnh Nam Định',
      '',
      'Căn cứ Luật Tổ chức chính quyền địa phương;',
    ];
    expect(readHeader(lines, lines.join('\n'))).toMatchObject({
      number: '07/2024/NQ-HĐND',
      kind: 'resolution',
      issuedOn: '2024-07-09',
      issuer: 'HĐND tỉnh Nam Định',
      title: 'Quy định chính sách hỗ trợ chuyển đổi số trên địa bàn tỉnh Nam Định',
      bodyStart: 7,
    });
  });

  it('keeps only the month of an issue date whose day the month lacks, and no date with an impossible year (found by the fuzz)', () => {
    const header = (date: string) => {
      const lines = ['UBND TỈNH HẢI DƯƠNG\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', `Số: 12/KH-UBND\tHải Dương, ${date}`, '', 'KẾ HOẠCH', 'Thực hiện chuyển đổi số'];
      return readHeader(lines, lines.join('\n'));
    };
    expect(header('ngày 30 tháng 02 năm 2025')).toMatchObject({ issuedOn: null, issuedMonth: '2025-02' });
    expect(header('ngày 31/04/2025')).toMatchObject({ issuedOn: null, issuedMonth: '2025-04' });
    expect(header('ngày 10 tháng 02 năm 0000')).toMatchObject({ issuedOn: null, issuedMonth: null });
    expect(header('ngày 28 tháng 02 năm 2025')).toMatchObject({ issuedOn: '2025-02-28', issuedMonth: '2025-02' });
  });

  it('names kinds from the word in capitals (even with a damaged letter) or from the number\'s symbol', () => {
    expect(kindFromTitleWord('QUYẾT ĐỊNH')).toEqual({ kind: 'decision' });
    expect(kindFromTitleWord('THÔNG BÁO KẾT LUẬN')).toEqual({ kind: 'conclusion_notice' });
    expect(kindFromTitleWord('CHƯƠNG TRÌNH HÀNH ĐỘNG')).toEqual({ kind: 'program' });
    expect(kindFromTitleWord('KẾ H\tẠCH')).toEqual({ kind: 'plan' });
    expect(kindFromTitleWord('BÁO CÁO')).toEqual({ kind: null });
    expect(kindFromTitleWord('ỦY BAN NHÂN DÂN')).toBeUndefined();
    expect(kindFromTitleWord('Kế hoạch')).toBeUndefined();
    expect(kindFromNumber('113-CTr/TU')).toBeNull();
    expect(kindFromNumber('12/QĐ-UBND')).toBe('decision');
    expect(kindFromNumber('/KH-UBND')).toBe('plan');
  });

  it('spells names and titles from capitals', () => {
    const corpus = indexWrittenForms('Sở Khoa học và Công nghệ chủ trì.');
    expect(caseOrganisationName('SỞ KHOA HỌC VÀ CÔNG NGHỆ', corpus)).toBe('Sở Khoa học và Công nghệ');
    expect(caseOrganisationName('ỦY BAN NHÂN DÂN TỈNH HẢI DƯƠNG', corpus)).toBe('UBND tỉnh Hải Dương');
    expect(caseOrganisationName('UBND THÀNH PHỐ HÀ NỘI', corpus)).toBe('UBND thành phố Hà Nội');
    expect(caseOfficeTitle('TM. ỦY BAN NHÂN DÂN')).toBe('TM. Ủy ban nhân dân');
    expect(caseOfficeTitle('PHÓ CHỦ TỊCH')).toBe('Phó Chủ tịch');
    expect(caseOfficeTitle('CHÁNH VĂN PHÒNG')).toBe('Chánh Văn phòng');
    expect(caseOfficeTitle('KT. GIÁM ĐỐC')).toBe('KT. Giám đốc');
  });
});

describe('the signature block', () => {
  it('gives the signer with the authority lines', () => {
    const lines = ['Nơi nhận:', '- Như trên;', '- Lưu: VT.', '', 'KT. CHỦ TỊCH', '', 'PHÓ CHỦ TỊCH', '', '(Đã ký)', '', 'Hồ Thị Nguyên Thảo'];
    expect(readSigner(lines, 0, lines.length)).toBe('Hồ Thị Nguyên Thảo, KT. Chủ tịch, Phó Chủ tịch');
    expect(readSigner(['- Các sở, ban, ngành;'], 0, 1)).toBeNull();
  });
});

describe('the legal basis', () => {
  it('takes what the document implements, not what those implement', () => {
    expect(
      readImplemented('Thực hiện Nghị quyết số 03/NQ-CP ngày 09/01/2025 của Chính phủ và Chương trình hành động số 113-CTr/TU ngày 18/02/2025 của Tỉnh ủy thực hiện Nghị quyết số 57-NQ/TW', []),
    ).toEqual(['03/NQ-CP', '113-CTr/TU']);
    expect(readImplemented(null, ['Căn cứ Quyết định số 19/2021/QĐ-UBND ngày 10/9/2021; Căn cứ Công văn số 1552/BTTTT-THH;', 'Ngày 17/12/2021 theo Kế hoạch 99/KH-UBND'])).toEqual([
      '19/2021/QĐ-UBND',
      '1552/BTTTT-THH',
    ]);
    expect(readImplemented('Thực hiện Kế hoạch số 726/KH-�BND ngày 21/02/2025 về thực hiện Nghị quyết số 03/NQ-CP', [])).toEqual([]);
  });
});

describe('the reporting rule', () => {
  it('tells the reporting day from the meeting day', () => {
    expect(readReportingRule('- Định kỳ hàng tháng, các sở báo cáo về Sở để tổng hợp báo cáo UBND tỉnh vào ngày 18 hàng tháng và tổ chức họp đánh giá vào ngày 23 hàng tháng.')).toEqual({
      reportingDay: 18,
      meetingDay: 23,
    });
    expect(readReportingRule('7. Định kỳ vào ngày 20 hàng tháng, các sở, ngành, địa phương báo cáo kết quả thực hiện.')).toEqual({ reportingDay: 20, meetingDay: null });
    expect(readReportingRule('Giao ban vào ngày 5 hằng tháng để họp đánh giá.')).toEqual({ reportingDay: null, meetingDay: 5 });
    expect(readReportingRule('Không có lịch định kỳ.')).toEqual({ reportingDay: null, meetingDay: null });
  });
});
