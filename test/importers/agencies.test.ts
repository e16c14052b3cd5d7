import { describe, expect, it } from 'vitest';
import { readAgencyPhrase, splitAgencyList, startsAgency } from '../../server/importers/agencies.ts';

describe('splitting a cell into agency names', () => {
  it.each([
    ['Sở Khoa học và Công nghệ', ['Sở Khoa học và Công nghệ']],
    ['Các sở, ban, ngành, cơ quan, đơn vị, địa phương.', ['Các sở, ban, ngành, cơ quan, đơn vị, địa phương']],
    ['Sở Khoa học và Công nghệ và các đơn vị liên quan', ['Sở Khoa học và Công nghệ', 'các đơn vị liên quan']],
    ['Sở Tài chính và các Sở, ban, ngành, UBND các huyện, thị xã, thành phố', ['Sở Tài chính', 'các Sở, ban, ngành', 'UBND các huyện, thị xã, thành phố']],
    ['Công an tỉnh, Sở Y tế; Sở Văn hoá, Thể thao và Du lịch; các địa phương và các đơn vị có liên quan.', ['Công an tỉnh', 'Sở Y tế', 'Sở Văn hoá, Thể thao và Du lịch', 'các địa phương', 'các đơn vị có liên quan']],
    ['Bộ Y tế, C06 - Bộ Công an, Công an tỉnh', ['Bộ Y tế', 'C06 - Bộ Công an', 'Công an tỉnh']],
    ['Báo Hải Dương, Đài Phát thanh - Truyền hình tỉnh, Cổng thông tin điện tử tỉnh', ['Báo Hải Dương', 'Đài Phát thanh - Truyền hình tỉnh', 'Cổng thông tin điện tử tỉnh']],
    ['Sở Nội vụ, Sở GD&ĐT, Sở Y tế, Sở Nông nghiệp và Môi trường', ['Sở Nội vụ', 'Sở GD&ĐT', 'Sở Y tế', 'Sở Nông nghiệp và Môi trường']],
    ['Các ngân hàng, các cơ sở khám chữa bệnh.', ['Các ngân hàng', 'các cơ sở khám chữa bệnh']],
    ['Các cơ sở khám, chữa bệnh có giường bệnh nội trú.', ['Các cơ sở khám, chữa bệnh có giường bệnh nội trú']],
    ['sở Tài chính, sở Kế hoạch và Đầu tư', ['sở Tài chính', 'sở Kế hoạch và Đầu tư']],
    ['Tập đoàn FPT, tập đoàn VIETTEL và các doanh nghiệp CNTT lớn trong và ngoài tỉnh', ['Tập đoàn FPT', 'tập đoàn VIETTEL', 'các doanh nghiệp CNTT lớn trong và ngoài tỉnh']],
    ['Sở Khoa học và Công nghệ, TP Hải Dương, TP Chí Linh', ['Sở Khoa học và Công nghệ', 'TP Hải Dương', 'TP Chí Linh']],
    ['UBND các xã, phường (trừ phường Trần Hưng Đạo, phường Lê Lợi)', ['UBND các xã, phường (trừ phường Trần Hưng Đạo, phường Lê Lợi)']],
    ['', []],
  ])('%s', (cell, names) => {
    expect(splitAgencyList(cell)).toEqual(names);
  });

  it('knows where a name starts, and where a capitalised word opens something else', () => {
    expect(startsAgency('Sở Y tế')).toBe(true);
    expect(startsAgency('các đơn vị liên quan')).toBe(true);
    expect(startsAgency('UBND tỉnh')).toBe(true);
    expect(startsAgency('C06 - Bộ Công an')).toBe(true);
    expect(startsAgency('Tổ chức triển khai')).toBe(false);
    expect(startsAgency('Báo cáo kết quả')).toBe(false);
    expect(startsAgency('Bộ phận Một cửa')).toBe(false);
    expect(startsAgency('các đồng chí Phó Chủ tịch')).toBe(false);
    expect(startsAgency('sở, ngành')).toBe(false);
  });
});

describe('reading the agencies that open a clause', () => {
  it('stops at the predicate', () => {
    const text = 'Ngân hàng Nhà nước Việt Nam chi nhánh tỉnh Hải Dương tuyên truyền, thúc đẩy việc thanh toán';
    expect(readAgencyPhrase(text, 0)).toMatchObject({ names: ['Ngân hàng Nhà nước Việt Nam chi nhánh tỉnh Hải Dương'], endsAtPredicate: true });
    expect(readAgencyPhrase('Đài Phát thanh và Truyền hình tỉnh, Báo Hải Dương xây dựng chuyên mục', 0)?.names).toEqual(['Đài Phát thanh và Truyền hình tỉnh', 'Báo Hải Dương']);
    expect(readAgencyPhrase('Tổ Giúp việc Ban Chỉ đạo ngay sau khi được thành lập', 0)?.names).toEqual(['Tổ Giúp việc Ban Chỉ đạo']);
  });

  it('stops at a colon, and reads nothing where no agency starts', () => {
    expect(readAgencyPhrase('Sở Tư pháp: rà soát văn bản', 0)).toMatchObject({ names: ['Sở Tư pháp'], stop: ':' });
    expect(readAgencyPhrase('Dự án Trung tâm giám sát đang được triển khai', 0)).toBeNull();
  });
});
