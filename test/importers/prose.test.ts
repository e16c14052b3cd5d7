import { describe, expect, it } from 'vitest';
import { readInstruction } from '../../server/importers/assignment-clause.ts';
import { splitDeadline } from '../../server/importers/deadline-phrase.ts';
import { buildOutline } from '../../server/importers/outline.ts';
import { buildParagraphs } from '../../server/importers/paragraphs.ts';
import { splitSentences } from '../../server/importers/sentences.ts';

describe('an instruction in prose', () => {
  it('"Giao X chủ trì, phối hợp Y …": lead, coordinators, the task, the deadline', () => {
    expect(readInstruction('Giao Sở Khoa học và Công nghệ chủ trì, phối hợp với Văn phòng UBND tỉnh và các đơn vị liên quan xây dựng phần mềm theo dõi, hoàn thành trước ngày 10/3/2025.', [])).toEqual({
      leads: ['Sở Khoa học và Công nghệ'],
      explicitLead: true,
      mode: 'assigned',
      coordinators: ['Văn phòng UBND tỉnh', 'các đơn vị liên quan'],
      title: 'Xây dựng phần mềm theo dõi',
      deadlineText: 'trước ngày 10/3/2025',
    });
  });

  it('keeps a clause before "giao" ("Ngay sau khi …, giao các sở …")', () => {
    const read = readInstruction('Ngay sau khi UBND tỉnh ban hành Kế hoạch, giao các sở, ban, ngành, địa phương xây dựng Kế hoạch triển khai, chậm nhất vào ngày 26/02/2025.', []);
    expect(read).toMatchObject({ leads: ['các sở, ban, ngành, địa phương'], title: 'Ngay sau khi UBND tỉnh ban hành Kế hoạch, xây dựng Kế hoạch triển khai', deadlineText: 'chậm nhất vào ngày 26/02/2025' });
  });

  it('reads the agency that opens the clause, and "phối hợp với" anywhere but in brackets', () => {
    expect(readInstruction('Công an tỉnh chủ trì, nghiên cứu phối hợp với các ngân hàng triển khai tài khoản an sinh (của Bộ Công an phối hợp với Đại học Bách Khoa).', [])).toMatchObject({
      leads: ['Công an tỉnh'],
      coordinators: ['các ngân hàng'],
      title: 'Nghiên cứu phối hợp với các ngân hàng triển khai tài khoản an sinh (của Bộ Công an phối hợp với Đại học Bách Khoa)',
    });
  });

  it('gives a sentence that opens with a verb to the agency in force, and only then', () => {
    expect(readInstruction('Tiếp tục rà soát, đưa các thủ tục hành chính lên mức độ 3, 4.', ['các sở, ngành'])).toMatchObject({ leads: ['các sở, ngành'], explicitLead: false });
    expect(readInstruction('Tiếp tục rà soát các thủ tục hành chính.', [])).toBeNull();
    expect(readInstruction('Đồng ý chủ trương ban hành Bộ chỉ số.', ['các sở, ngành'])).toBeNull();
    expect(readInstruction('Dự án Trung tâm giám sát đang được triển khai xây dựng.', ['các sở, ngành'])).toBeNull();
  });

  it('narrows a collective subject to the agencies named in brackets for each part', () => {
    expect(readInstruction('Các Sở, ngành tập trung triển khai: Bệnh án điện tử (Sở Y tế), Học bạ điện tử (Sở Giáo dục và Đào tạo).', [])?.leads).toEqual(['Sở Y tế', 'Sở Giáo dục và Đào tạo']);
  });

  it('an instruction that opens with "Thường xuyên" is ongoing', () => {
    expect(readInstruction('Thanh tra tỉnh chủ trì, phối hợp với Sở Nội vụ thường xuyên thực hiện thanh tra công vụ.', [])).toMatchObject({
      coordinators: ['Sở Nội vụ'],
      title: 'Thường xuyên thực hiện thanh tra công vụ',
      deadlineText: 'Thường xuyên',
    });
  });
});

describe('the deadline at the end of an instruction', () => {
  it.each([
    ['Báo cáo UBND tỉnh trước ngày 25/02/2025.', 'Báo cáo UBND tỉnh', 'trước ngày 25/02/2025'],
    ['Tổng hợp trước 10 giờ ngày 20/02/2025.', 'Tổng hợp', 'trước 10 giờ ngày 20/02/2025'],
    ['Đẩy nhanh tiến độ, hoàn thành trong quý IV năm 2025.', 'Đẩy nhanh tiến độ', 'trong quý IV năm 2025'],
    ['Trình UBND tỉnh phê duyệt trong Quý I/2022.', 'Trình UBND tỉnh phê duyệt', 'trong Quý I/2022'],
    ['Cắt giảm thủ tục, hoàn thành trong tháng 5/2025 và thực hiện thường xuyên.', 'Cắt giảm thủ tục', 'trong tháng 5/2025 và thực hiện thường xuyên'],
    ['Đồng bộ dữ liệu, hoàn thành 12/2025 và các năm tiếp theo.', 'Đồng bộ dữ liệu', '12/2025 và các năm tiếp theo'],
    ['Xây dựng kế hoạch, hoàn thành sau khi Trung ương ban hành.', 'Xây dựng kế hoạch', 'sau khi Trung ương ban hành'],
    ['Bảo đảm kinh phí, thực hiện trước tháng 10 hàng năm.', 'Bảo đảm kinh phí', 'trước tháng 10 hàng năm'],
    ['Khuyến khích phát triển sản phẩm, thực hiện thường xuyên.', 'Khuyến khích phát triển sản phẩm', 'thực hiện thường xuyên'],
    ['Tham mưu thành lập: (hoàn thành trong tháng 02/2025):', 'Tham mưu thành lập', 'trong tháng 02/2025'],
    ['Bố trí kinh phí thực hiện trong quý III.', 'Bố trí kinh phí thực hiện', 'trong quý III'],
    ['Xây dựng chuyên mục về chuyển đổi số.', 'Xây dựng chuyên mục về chuyển đổi số', null],
  ])('%s', (text, title, deadline) => {
    expect(splitDeadline(text)).toEqual({ title, deadline });
  });
});

describe('paragraphs, sentences and items', () => {
  it('rejoins text wrapped at the page width (with blank lines between lines) and splits at items', () => {
    const lines = [
      '1. Giao Sở Khoa học và Công nghệ chủ trì, phối hợp với các sở, ban, ',
      '',
      'ngành, UBND các xã, phường và các đơn vị liên quan thực hiện các việc ',
      '',
      'sau đây để bảo đảm hạ tầng, thiết bị đầu cuối; đường truyền, an toàn: ',
      '- Đảm bảo hạ tầng, thiết bị đầu cuối; đường truyền, an toàn thông tin và ',
      '',
      'giải pháp, ứng dụng, nền tảng số phục vụ hiệu quả công việc được giao. ',
      '2. Giao Sở Nội vụ chủ trì, phối hợp với Sở Khoa học và Công nghệ và các ',
      '',
      'đơn vị liên quan khẩn trương tham mưu chính sách thu hút nhân lực số. ',
      ' Phối hợp với Văn phòng UBND tỉnh xây dựng phần mềm theo dõi tiến độ. ',
      '3. Giao Sở Tài chính chủ trì, phối hợp với các đơn vị liên quan bố trí ',
    ];
    const paragraphs = buildParagraphs(lines, 0, lines.length, () => false);
    expect(paragraphs.map((p) => p.text.slice(0, 24))).toEqual(['1. Giao Sở Khoa học và C', '- Đảm bảo hạ tầng, thiết', '2. Giao Sở Nội vụ chủ tr', 'Phối hợp với Văn phòng U', '3. Giao Sở Tài chính chủ']);
    const outline = buildOutline(paragraphs);
    expect(outline.items.map((i) => [i.label, i.paragraphs.length, i.children.length])).toEqual([
      ['1', 1, 1],
      ['2', 2, 0],
      ['3', 1, 0],
    ]);
  });

  it('splits sentences, not abbreviations', () => {
    expect(splitSentences('Giao TP. Hải Dương thực hiện. Giao Sở Y tế báo cáo. Việc khác… Hết')).toEqual(['Giao TP. Hải Dương thực hiện.', 'Giao Sở Y tế báo cáo.', 'Việc khác…', 'Hết']);
  });
});
