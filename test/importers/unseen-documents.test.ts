import { describe, expect, it } from 'vitest';
import { parseDirectiveText } from '../../server/importers/parse.ts';

/**
 * Documents written for these tests in the style of other provinces and departments: other headers,
 * other column orders and names, other wording. The rules must come from the language, not from the seeds.
 */
const DEPARTMENT_PLAN = [
  'UBND TỈNH BẮC NINH',
  'SỞ Y TẾ',
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
  'Số: 15/KH-SYT',
  'Bắc Ninh, ngày 05 tháng 3 năm 2024',
  '',
  'KẾ HOẠCH',
  'Triển khai hồ sơ sức khỏe điện tử năm 2024',
  '',
  'Căn cứ Quyết định số 1234/QĐ-BYT ngày 01/02/2024 của Bộ Y tế về hồ sơ sức khỏe điện tử; Kế hoạch số 20/KH-UBND ngày 15/01/2024 của UBND tỉnh, Sở Y tế ban hành Kế hoạch như sau:',
  '',
  'I. MỤC TIÊU',
  '- 90% người dân có hồ sơ sức khỏe điện tử.',
  'II. NHIỆM VỤ',
  '(Chi tiết tại Phụ lục kèm theo)',
  'III. TỔ CHỨC THỰC HIỆN',
  'Các đơn vị báo cáo kết quả về Sở Y tế trước ngày 25 hằng tháng./.',
  '',
  'Nơi nhận:',
  '- Như trên;',
  '- Lưu: VT.',
  '',
  'KT. GIÁM ĐỐC',
  'PHÓ GIÁM ĐỐC',
  '',
  'Nguyễn Văn An',
  '',
  'PHỤ LỤC',
  'TT\tChỉ tiêu\tĐơn vị tính\tMục tiêu đến năm 2025\tĐơn vị theo dõi',
  '1\tTỷ lệ người dân có hồ sơ sức khỏe điện tử\t%\t≥ 90\tSở Y tế',
  '1.1\tTrong đó: khu vực nông thôn\t%\tTừ 80% trở lên\tTrung tâm y tế các huyện',
  '2\tSố bệnh viện triển khai bệnh án điện tử\tBệnh viện\t10 - 12\tSở Y tế',
  '',
  'STT\tNội dung công việc\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời hạn hoàn thành\tKết quả/Sản phẩm',
  'A\tCÔNG TÁC CHỈ ĐẠO\t\t\t\t',
  '1\tBan hành văn bản hướng dẫn\tPhòng Nghiệp vụ Y\tTrung tâm Kiểm soát bệnh tật tỉnh\ttrong tháng 4\tVăn bản',
  '2\tTập huấn cho cán bộ y tế\tTrung tâm Kiểm soát bệnh tật tỉnh\tCác bệnh viện,\tQuý III/2024\tLớp tập',
  '\t\t\tTrung tâm y tế các huyện\t\thuấn',
  'B\tTRIỂN KHAI\t\t\t\t',
  '',
  'STT\tNội dung công việc\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời hạn hoàn thành\tKết quả/Sản phẩm',
  '3\tCập nhật dữ liệu khám chữa bệnh\tCác bệnh viện tuyến tỉnh; Trung tâm y tế các huyện\tPhòng Nghiệp vụ Y\tThường xuyên\t',
].join('\n');

describe('a department plan from another province, with its task table in another column order', () => {
  const parsed = parseDirectiveText(DEPARTMENT_PLAN);

  it('reads the header: the department under its province, the kind, the basis, the signer, the reporting day', () => {
    expect(parsed.directive).toEqual({
      number: '15/KH-SYT',
      kind: 'plan',
      issuedOn: '2024-03-05',
      issuer: 'Sở Y tế tỉnh Bắc Ninh',
      signer: 'Nguyễn Văn An, KT. Giám đốc, Phó Giám đốc',
      title: 'Triển khai hồ sơ sức khỏe điện tử năm 2024',
      implements: ['1234/QĐ-BYT', '20/KH-UBND'],
      reportingDay: 25,
      meetingDay: null,
    });
  });

  it('reads tasks by header names, group rows "A", "B" as sections, a row continued over a page break', () => {
    expect(parsed.sections).toEqual([
      { code: 'A', title: 'CÔNG TÁC CHỈ ĐẠO' },
      { code: 'B', title: 'TRIỂN KHAI' },
    ]);
    expect(parsed.tasks.map((t) => [t.ordinal, t.section, t.title, t.leads, t.coordinators, t.product, t.deadline.text])).toEqual([
      ['1', 'A', 'Ban hành văn bản hướng dẫn', ['Phòng Nghiệp vụ Y'], ['Trung tâm Kiểm soát bệnh tật tỉnh'], 'Văn bản', 'trong tháng 4'],
      ['2', 'A', 'Tập huấn cho cán bộ y tế', ['Trung tâm Kiểm soát bệnh tật tỉnh'], ['Các bệnh viện', 'Trung tâm y tế các huyện'], 'Lớp tập huấn', 'Quý III/2024'],
      ['3', 'B', 'Cập nhật dữ liệu khám chữa bệnh', ['Các bệnh viện tuyến tỉnh', 'Trung tâm y tế các huyện'], ['Phòng Nghiệp vụ Y'], null, 'Thường xuyên'],
    ]);
  });

  it('resolves a month without a year against the document date', () => {
    expect(parsed.tasks[0]?.deadline).toMatchObject({ kind: 'month', dueOn: '2024-04-30' });
    expect(parsed.tasks[1]?.deadline).toMatchObject({ kind: 'quarter', dueOn: '2024-09-30' });
  });

  it('reads an indicator table whose header gives the horizon year', () => {
    expect(parsed.indicators.map((i) => [i.code, i.parent, i.unit, i.target.operator, i.target.value, i.target.valueMax, i.horizonYear, i.monitors])).toEqual([
      ['1', null, '%', 'gte', 90, null, 2025, ['Sở Y tế']],
      ['1.1', '1', '%', 'gte', 80, null, 2025, ['Trung tâm y tế các huyện']],
      ['2', null, 'Bệnh viện', 'range', 10, 12, 2025, ['Sở Y tế']],
    ]);
  });
});

const CITY_NOTICE = [
  'ỦY BAN NHÂN DÂN',
  'THÀNH PHỐ ĐÀ NẴNG',
  'Số: 45/TB-UBND\tĐà Nẵng, ngày 12 tháng 4 năm 2024',
  '',
  'THÔNG BÁO',
  'Kết luận của Phó Chủ tịch UBND thành phố tại buổi làm việc về chuyển đổi số',
  '',
  'Ngày 10/4/2024, Phó Chủ tịch UBND thành phố làm việc với các sở, ngành về chuyển đổi số. Sau khi nghe báo cáo, Phó Chủ tịch kết luận như sau:',
  '1. Giao Sở Thông tin và Truyền thông chủ trì, phối hợp với Sở Nội vụ tham mưu UBND thành phố ban hành Kế hoạch chuyển đổi số năm 2024, hoàn thành trong tháng 5.',
  '2. Đề nghị các sở, ban, ngành và UBND các quận, huyện:',
  'a) Rà soát, cập nhật danh mục dữ liệu mở, hoàn thành trước ngày 30/6/2024.',
  'b) Sở Tài chính: bố trí kinh phí thực hiện trong quý III.',
  'c) Công an thành phố chủ trì triển khai các tiện ích của Đề án 06 trong vòng 30 ngày.',
  '3. Văn phòng UBND thành phố theo dõi, đôn đốc; định kỳ báo cáo vào ngày 25 hàng tháng.',
  'Văn phòng UBND thành phố thông báo để các cơ quan, đơn vị biết, thực hiện./.',
  '',
  'Nơi nhận:',
  '- Như trên;',
  'TL. CHỦ TỊCH',
  'CHÁNH VĂN PHÒNG',
  '',
  'Trần Văn Bình',
].join('\n');

describe('a conclusion notice of a city', () => {
  const parsed = parseDirectiveText(CITY_NOTICE);

  it('reads its header, with number and date on one line', () => {
    expect(parsed.directive).toMatchObject({
      number: '45/TB-UBND',
      kind: 'conclusion_notice',
      issuedOn: '2024-04-12',
      issuer: 'UBND thành phố Đà Nẵng',
      signer: 'Trần Văn Bình, TL. Chủ tịch, Chánh Văn phòng',
      reportingDay: 25,
    });
  });

  it('reads "Giao …", "Đề nghị …:" over lettered items, "Sở X: …" and "X chủ trì …", with relative deadlines', () => {
    expect(parsed.tasks.map((t) => [t.ordinal, t.leads, t.coordinators, t.title, t.deadline.text, t.deadline.dueOn])).toEqual([
      ['1', ['Sở Thông tin và Truyền thông'], ['Sở Nội vụ'], 'Tham mưu UBND thành phố ban hành Kế hoạch chuyển đổi số năm 2024', 'trong tháng 5', '2024-05-31'],
      ['2.a', ['các sở, ban, ngành', 'UBND các quận, huyện'], [], 'Rà soát, cập nhật danh mục dữ liệu mở', 'trước ngày 30/6/2024', '2024-06-30'],
      ['2.b', ['Sở Tài chính'], [], 'Bố trí kinh phí thực hiện', 'trong quý III', '2024-09-30'],
      ['2.c', ['Công an thành phố'], [], 'Triển khai các tiện ích của Đề án 06', 'trong vòng 30 ngày', '2024-05-12'],
      ['3', ['Văn phòng UBND thành phố'], [], 'Theo dõi, đôn đốc; định kỳ báo cáo vào ngày 25 hàng tháng', '', null],
    ]);
    expect(parsed.sections).toEqual([{ code: '2', title: 'Đề nghị các sở, ban, ngành và UBND các quận, huyện' }]);
  });
});

const DEPARTMENT_LETTER = [
  'UBND TỈNH QUẢNG NINH',
  'SỞ KHOA HỌC VÀ CÔNG NGHỆ',
  'Số: 312/SKHCN-CĐS',
  'V/v triển khai nền tảng số năm 2025',
  'Quảng Ninh, ngày 3 tháng 6 năm 2025',
  'Kính gửi:',
  '- Các phòng, đơn vị thuộc Sở;',
  '- UBND các xã, phường.',
  '',
  'Thực hiện Kế hoạch số 88/KH-UBND ngày 10/5/2025 của UBND tỉnh, Sở Khoa học và Công nghệ đề nghị:',
  '1. Phòng Chuyển đổi số:',
  '- Hướng dẫn các xã, phường sử dụng nền tảng họp trực tuyến, hoàn thành trước 30/6/2025.',
  '- Tổng hợp khó khăn, vướng mắc của cơ sở.',
  '2. UBND các xã, phường cử cán bộ đầu mối, gửi danh sách về Sở trước ngày 15/6.',
  'Trân trọng./.',
].join('\n');

describe('a department letter with "V/v" and addressees', () => {
  const parsed = parseDirectiveText(DEPARTMENT_LETTER);

  it('is a letter with its subject line as title', () => {
    expect(parsed.directive).toMatchObject({
      number: '312/SKHCN-CĐS',
      kind: 'official_letter',
      issuedOn: '2025-06-03',
      issuer: 'Sở Khoa học và Công nghệ tỉnh Quảng Ninh',
      title: 'triển khai nền tảng số năm 2025',
      implements: ['88/KH-UBND'],
    });
  });

  it('gives bullets under "Phòng X:" to that unit and reads a subject that opens an item', () => {
    expect(parsed.tasks.map((t) => [t.ordinal, t.section, t.leads, t.deadline.text, t.deadline.dueOn])).toEqual([
      ['1.1', '1', ['Phòng Chuyển đổi số'], 'trước 30/6/2025', '2025-06-30'],
      ['1.2', '1', ['Phòng Chuyển đổi số'], '', null],
      ['2', null, ['UBND các xã, phường'], 'trước ngày 15/6', '2025-06-15'],
    ]);
  });
});

describe('a text that assigns nothing', () => {
  it('warns "no_tasks_found" so the caller refuses it', () => {
    const parsed = parseDirectiveText('BÁO CÁO\nTình hình kinh tế - xã hội tháng 5\n\nTrong tháng, sản xuất công nghiệp tăng 8%.');
    expect(parsed.tasks).toEqual([]);
    expect(parsed.indicators).toEqual([]);
    expect(parsed.warnings.map((w) => w.code)).toContain('no_tasks_found');
    expect(parsed.warnings.find((w) => w.code === 'no_tasks_found')?.message).toMatch(/Không tìm thấy nhiệm vụ/);
  });

  it('does not crash on empty or odd input', () => {
    for (const input of ['', '\uFEFF', '\t\t\t', 'TT\tTên nhiệm vụ\tCơ quan chủ trì\n\tmồ côi\t', '$\\geq$ (((', 'Số:']) {
      expect(parseDirectiveText(input).warnings.map((w) => w.code)).toContain('no_tasks_found');
    }
  });
});
