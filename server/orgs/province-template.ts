/**
 * The built-in organisation directory of a Vietnamese province after the reorganisation of
 * 1/3/2025 (Nghị định 45/2025/NĐ-CP on the specialised agencies of the provincial People's Committee),
 * with the departments merged on that day kept as predecessors so that older documents still resolve.
 *
 * Pure data: no I/O. The seeder turns these entries into org rows, aliases, successions and groups.
 * Aliases are the ways documents actually write a name; the resolver compares them folded
 * (lower case, no diacritics, đ → d, trailing punctuation dropped), so case and tone-mark
 * placement ("hoá"/"hóa") never matter, but punctuation inside a name ("&", ",", "-") does.
 */
import type { OrgKind, SuccessionKind } from './kinds.ts';

export interface TemplateOrg {
  /** Stable, unique, ASCII upper case with - and _. */
  code: string;
  /** Full official Vietnamese name, NFC. */
  name: string;
  shortName?: string;
  kind: OrgKind;
  /** Code of the parent org. */
  parent?: string;
  /** Other ways documents write it (abbreviations, old spellings, with or without "tỉnh"). */
  aliases?: string[];
  /** ISO yyyy-mm-dd, first valid day. */
  validFrom?: string;
  /** ISO yyyy-mm-dd, last valid day. */
  validTo?: string;
  /** Only for kind 'group': which kinds of org it expands to. */
  memberKinds?: OrgKind[];
  /** For merged or renamed predecessors: who carries their work from `effectiveOn`. */
  successors?: { code: string; kind: SuccessionKind; effectiveOn: string }[];
}

export interface ProvinceInfo {
  code: string;
  name: string;
}

/** The day the merged departments (and the merged ministries) took over. */
const MERGED_ON = '2025-03-01';
/** Last day of the merged departments. */
const LAST_DAY_BEFORE_MERGER = '2025-02-28';
/** Last day of the district level (two-level local government from 1/7/2025). */
const LAST_DAY_OF_DISTRICTS = '2025-06-30';

type Extra = Omit<TemplateOrg, 'code' | 'name' | 'kind'>;

function entry(code: string, kind: OrgKind, name: string, extra: Extra = {}): TemplateOrg {
  return { code, name, kind, ...extra };
}

/** A department (sở) under the UBND: its own aliases plus the name followed by "tỉnh" and "tỉnh <province>". */
function department(p: ProvinceInfo, code: string, name: string, shortName: string | undefined, aliases: string[], extra: Extra = {}): TemplateOrg {
  return entry(code, 'department', name, {
    ...(shortName ? { shortName } : {}),
    parent: 'UBND',
    aliases: [...aliases, `${name} tỉnh`, `${name} tỉnh ${p.name}`],
    ...extra,
  });
}

/** A department that ceased on 28/02/2025 and whose work passed to `successor`. */
function mergedDepartment(p: ProvinceInfo, code: string, name: string, aliases: string[], successor: string): TemplateOrg {
  return department(p, code, name, undefined, aliases, {
    validTo: LAST_DAY_BEFORE_MERGER,
    successors: [{ code: successor, kind: 'merger', effectiveOn: MERGED_ON }],
  });
}

function agency(code: string, name: string, aliases: string[], extra: Extra = {}): TemplateOrg {
  return entry(code, 'agency', name, { parent: 'UBND', aliases, ...extra });
}

function external(code: string, name: string, aliases: string[], extra: Extra = {}): TemplateOrg {
  return entry(code, 'external', name, { aliases, ...extra });
}

function group(code: string, name: string, memberKinds: OrgKind[], aliases: string[], extra: Extra = {}): TemplateOrg {
  return entry(code, 'group', name, { parent: 'UBND', memberKinds, aliases, ...extra });
}

/** NFC everywhere, aliases without exact repeats or a copy of the name. */
function tidy(orgs: TemplateOrg[]): TemplateOrg[] {
  return orgs.map((o) => {
    const name = o.name.normalize('NFC');
    const out: TemplateOrg = { ...o, name };
    if (o.shortName) out.shortName = o.shortName.normalize('NFC');
    if (o.aliases) out.aliases = [...new Set(o.aliases.map((a) => a.normalize('NFC')))].filter((a) => a !== name);
    return out;
  });
}

/** The template for any province: names that contain the province name (e.g. 'Báo Hải Dương', 'Công an tỉnh Hải Dương') use province.name. */
export function provinceTemplate(province: ProvinceInfo): TemplateOrg[] {
  const p: ProvinceInfo = { code: province.code, name: province.name.normalize('NFC').trim() };
  const n = p.name;

  const root: TemplateOrg[] = [
    entry('UBND', 'province', `Ủy ban nhân dân tỉnh ${n}`, {
      shortName: 'UBND tỉnh',
      aliases: ['UBND tỉnh', `UBND tỉnh ${n}`, 'Ủy ban nhân dân tỉnh', 'Uỷ ban nhân dân tỉnh'],
    }),
  ];

  // ── Văn phòng UBND tỉnh and its units ───────────────────────────────────
  const office: TemplateOrg[] = [
    entry('VP-UBND', 'office', 'Văn phòng Ủy ban nhân dân tỉnh', {
      shortName: 'VP UBND tỉnh',
      parent: 'UBND',
      aliases: [
        'Văn phòng UBND tỉnh',
        'VP UBND tỉnh',
        'VPUBND',
        'VPUBND tỉnh',
        'VP UBND',
        'Văn phòng UBND',
        `Văn phòng UBND tỉnh ${n}`,
        `Văn phòng Ủy ban nhân dân tỉnh ${n}`,
      ],
    }),
    entry('VP-UBND-TTPVHCC', 'centre', 'Trung tâm Phục vụ Hành chính công', {
      shortName: 'Trung tâm PVHCC',
      parent: 'VP-UBND',
      aliases: [
        'Trung tâm Phục vụ Hành chính công tỉnh',
        `Trung tâm Phục vụ Hành chính công tỉnh ${n}`,
        'Trung tâm PVHCC',
        'Trung tâm PVHCC tỉnh',
        'TTPVHCC',
        'TT PVHCC',
        'Trung tâm Hành chính công',
      ],
    }),
    entry('VP-UBND-TTCNTT', 'centre', 'Trung tâm Công nghệ thông tin', {
      shortName: 'Trung tâm CNTT',
      parent: 'VP-UBND',
      aliases: [
        'Trung tâm CNTT',
        'TTCNTT',
        'TT CNTT',
        'Trung tâm Công nghệ - Thông tin',
        'Trung tâm Công nghệ thông tin - Văn phòng UBND tỉnh',
        'Trung tâm CNTT - VP UBND tỉnh',
        'Trung tâm CNTT – VP UBND tỉnh',
      ],
    }),
    // Run by the Office (its IT centre) in most provinces; a 'centre' so that "Các sở, ban, ngành" does not expand to it.
    entry('CONG-TTDT', 'centre', 'Cổng thông tin điện tử tỉnh', {
      shortName: 'Cổng TTĐT tỉnh',
      parent: 'VP-UBND',
      aliases: ['Cổng TTĐT tỉnh', 'Cổng TTĐT', `Cổng thông tin điện tử tỉnh ${n}`, 'Cổng thông tin điện tử của tỉnh'],
    }),
    entry('VP-UBND-PHONG-TH', 'unit', 'Phòng Tổng hợp', { parent: 'VP-UBND', aliases: ['Phòng TH'] }),
    entry('VP-UBND-PHONG-KT', 'unit', 'Phòng Kinh tế', { parent: 'VP-UBND', aliases: ['Phòng KT'] }),
    entry('VP-UBND-PHONG-KGVX', 'unit', 'Phòng Khoa giáo - Văn xã', {
      parent: 'VP-UBND',
      aliases: ['Phòng KGVX', 'Phòng Khoa giáo – Văn xã', 'Phòng Khoa giáo Văn xã'],
    }),
    entry('VP-UBND-PHONG-NC', 'unit', 'Phòng Nội chính', { parent: 'VP-UBND', aliases: ['Phòng NC'] }),
    entry('VP-UBND-PHONG-HCTC', 'unit', 'Phòng Hành chính - Tổ chức', {
      parent: 'VP-UBND',
      aliases: ['Phòng HC-TC', 'Phòng HCTC', 'Phòng Hành chính – Tổ chức', 'Phòng Hành chính Tổ chức'],
    }),
    entry('VP-UBND-BAN-TCD', 'unit', 'Ban Tiếp công dân tỉnh', {
      parent: 'VP-UBND',
      aliases: ['Ban Tiếp công dân', 'Ban TCD tỉnh', `Ban Tiếp công dân tỉnh ${n}`],
    }),
  ];

  // ── Departments from 1/3/2025 (Nghị định 45/2025/NĐ-CP) ─────────────────
  // A province like Hải Dương has no Sở Dân tộc và Tôn giáo (ethnic and religious affairs go to Sở Nội vụ)
  // and no Sở Ngoại vụ; provinces that do can add them in the directory.
  const departments: TemplateOrg[] = [
    department(p, 'SO-NV', 'Sở Nội vụ', undefined, ['Sở Nội Vụ', 'Sở NV']),
    department(p, 'SO-TP', 'Sở Tư pháp', undefined, ['Sở Tư Pháp', 'Sở TP']),
    department(p, 'SO-TC', 'Sở Tài chính', undefined, ['Sở Tài Chính', 'Sở TC']),
    department(p, 'SO-CT', 'Sở Công Thương', undefined, ['Sở Công thương', 'Sở CT']),
    department(
      p,
      'SO-NNMT',
      'Sở Nông nghiệp và Môi trường',
      'Sở NN&MT',
      ['Sở NN&MT', 'Sở NNMT', 'Sở NN và MT', 'Sở Nông nghiệp và MT', 'Sở Nông nghiệp - Môi trường', 'Sở Nông nghiệp & Môi trường'],
      { validFrom: MERGED_ON },
    ),
    department(p, 'SO-XD', 'Sở Xây dựng', undefined, ['Sở Xây Dựng', 'Sở XD']),
    department(p, 'SO-KHCN', 'Sở Khoa học và Công nghệ', 'Sở KH&CN', [
      'Sở KH&CN',
      'Sở KHCN',
      'Sở KH-CN',
      'Sở KH và CN',
      'Sở Khoa học - Công nghệ',
      'Sở Khoa học & Công nghệ',
    ]),
    department(p, 'SO-VHTTDL', 'Sở Văn hóa, Thể thao và Du lịch', 'Sở VH,TT&DL', [
      'Sở Văn hoá, Thể thao và Du lịch',
      'Sở Văn hóa Thể thao và Du lịch',
      'Sở Văn hóa, Thể thao, Du lịch',
      'Sở Văn hóa - Thể thao và Du lịch',
      'Sở VH,TT&DL',
      'Sở VH, TT&DL',
      'Sở VH-TT&DL',
      'Sở VHTT&DL',
      'Sở VHTTDL',
    ]),
    department(p, 'SO-GDDT', 'Sở Giáo dục và Đào tạo', 'Sở GD&ĐT', [
      'Sở GD&ĐT',
      'Sở GDĐT',
      'Sở GD-ĐT',
      'Sở GD và ĐT',
      'Sở Giáo dục - Đào tạo',
      'Sở Giáo dục & Đào tạo',
    ]),
    department(p, 'SO-YT', 'Sở Y tế', undefined, ['Sở Y Tế', 'Sở YT']),
    entry('THANH-TRA', 'department', 'Thanh tra tỉnh', {
      parent: 'UBND',
      aliases: ['Thanh tra Tỉnh', `Thanh tra tỉnh ${n}`, 'TTr tỉnh'],
    }),
  ];

  // ── Departments that ceased on 28/02/2025 ───────────────────────────────
  // Only the main successor is linked: the resolver hands a task to every successor, so partial transfers
  // (press and publishing to Sở VH,TT&DL; social protection and children to Sở Y tế; vocational training
  // to Sở GD&ĐT) are left to the coordinator.
  const merged: TemplateOrg[] = [
    mergedDepartment(
      p,
      'SO-TTTT',
      'Sở Thông tin và Truyền thông',
      ['Sở TT&TT', 'Sở TTTT', 'Sở TT-TT', 'Sở TT và TT', 'Sở Thông tin - Truyền thông', 'Sở Thông tin & Truyền thông'],
      'SO-KHCN',
    ),
    mergedDepartment(p, 'SO-GTVT', 'Sở Giao thông vận tải', ['Sở GTVT', 'Sở Giao thông - Vận tải', 'Sở Giao thông Vận tải'], 'SO-XD'),
    mergedDepartment(p, 'SO-TNMT', 'Sở Tài nguyên và Môi trường', ['Sở TN&MT', 'Sở TNMT', 'Sở TN-MT', 'Sở Tài nguyên - Môi trường'], 'SO-NNMT'),
    mergedDepartment(
      p,
      'SO-NNPTNT',
      'Sở Nông nghiệp và Phát triển nông thôn',
      ['Sở NN&PTNT', 'Sở NNPTNT', 'Sở NN và PTNT', 'Sở Nông nghiệp & PTNT', 'Sở Nông nghiệp và PTNT'],
      'SO-NNMT',
    ),
    mergedDepartment(p, 'SO-KHDT', 'Sở Kế hoạch và Đầu tư', ['Sở KH&ĐT', 'Sở KHĐT', 'Sở KH-ĐT', 'Sở Kế hoạch - Đầu tư', 'Sở Kế hoạch & Đầu tư'], 'SO-TC'),
    mergedDepartment(
      p,
      'SO-LDTBXH',
      'Sở Lao động - Thương binh và Xã hội',
      ['Sở LĐ-TB&XH', 'Sở LĐTBXH', 'Sở LĐ, TB&XH', 'Sở LĐTB&XH', 'Sở Lao động, Thương binh và Xã hội', 'Sở Lao động Thương binh và Xã hội', 'Sở Lao động – Thương binh và Xã hội'],
      'SO-NV',
    ),
  ];

  // ── Provincial bodies that are not departments ──────────────────────────
  const agencies: TemplateOrg[] = [
    agency('CONG-AN', 'Công an tỉnh', [`Công an tỉnh ${n}`, 'CA tỉnh']),
    agency('THUE', `Thuế tỉnh ${n}`, ['Thuế tỉnh', 'Cục Thuế tỉnh', `Cục Thuế tỉnh ${n}`, 'Chi cục Thuế'], { shortName: 'Thuế tỉnh' }),
    agency(
      'NHNN',
      `Ngân hàng Nhà nước chi nhánh tỉnh ${n}`,
      [
        'Ngân hàng Nhà nước chi nhánh tỉnh',
        'Chi nhánh Ngân hàng Nhà nước tỉnh',
        `Chi nhánh Ngân hàng Nhà nước tỉnh ${n}`,
        'Ngân hàng Nhà nước Việt Nam chi nhánh tỉnh',
        `Ngân hàng Nhà nước Việt Nam chi nhánh tỉnh ${n}`,
        'Ngân hàng Nhà nước tỉnh',
        'Ngân hàng Nhà nước',
        'NHNN chi nhánh tỉnh',
        'Chi nhánh NHNN tỉnh',
        'NHNN tỉnh',
      ],
      { shortName: 'NHNN chi nhánh tỉnh' },
    ),
    agency('BHXH', 'Bảo hiểm xã hội tỉnh', ['BHXH tỉnh', `Bảo hiểm xã hội tỉnh ${n}`, `BHXH tỉnh ${n}`], { shortName: 'BHXH tỉnh' }),
    agency('THONG-KE', 'Chi cục Thống kê tỉnh', [
      'Cục Thống kê tỉnh',
      `Cục Thống kê tỉnh ${n}`,
      'Cục Thống kê',
      `Chi cục Thống kê tỉnh ${n}`,
      'Thống kê tỉnh',
      'Cơ quan thống kê',
    ]),
    agency('BAO', `Báo ${n}`, ['Báo tỉnh']),
    agency(
      'DAI-PTTH',
      'Đài Phát thanh - Truyền hình tỉnh',
      [
        'Đài Phát thanh và Truyền hình tỉnh',
        'Đài Phát thanh – Truyền hình tỉnh',
        `Đài Phát thanh - Truyền hình ${n}`,
        `Đài Phát thanh và Truyền hình ${n}`,
        'Đài PT-TH tỉnh',
        'Đài PTTH tỉnh',
        'Đài PT&TH tỉnh',
      ],
      { shortName: 'Đài PT-TH tỉnh' },
    ),
    agency('BCHQS', 'Bộ Chỉ huy Quân sự tỉnh', ['Bộ CHQS tỉnh', `Bộ Chỉ huy Quân sự tỉnh ${n}`], { shortName: 'Bộ CHQS tỉnh' }),
    agency(
      'BQL-KCN',
      'Ban Quản lý các khu công nghiệp tỉnh',
      ['Ban Quản lý các khu công nghiệp', 'Ban Quản lý các KCN tỉnh', 'Ban QL các KCN tỉnh', 'BQL các KCN tỉnh', `Ban Quản lý các khu công nghiệp tỉnh ${n}`],
      { shortName: 'BQL các KCN tỉnh' },
    ),
    agency('TRUONG-CHINH-TRI', 'Trường Chính trị tỉnh', [`Trường Chính trị tỉnh ${n}`]),
    agency('LMHTX', 'Liên minh Hợp tác xã tỉnh', ['Liên minh HTX tỉnh', `Liên minh Hợp tác xã tỉnh ${n}`], { shortName: 'Liên minh HTX tỉnh' }),
  ];

  // A standing team that documents address directly ("Giao Tổ Giúp việc Ban Chỉ đạo …"); a 'unit' so no group expands to it.
  const teams: TemplateOrg[] = [
    entry('TO-GIUP-VIEC-BCD', 'unit', 'Tổ giúp việc Ban Chỉ đạo', {
      parent: 'UBND',
      aliases: ['Tổ Giúp việc Ban Chỉ đạo', 'Tổ giúp việc', 'Tổ giúp việc Ban Chỉ đạo Chuyển đổi số, Cải cách hành chính và Đề án 06 tỉnh'],
    }),
  ];

  // ── Bodies outside the province's administration ────────────────────────
  const externals: TemplateOrg[] = [
    external(
      'EXT-C06',
      'Bộ Công an - C06',
      [
        'C06',
        'C06 - Bộ Công an',
        'C06 – Bộ Công an',
        'C06, Bộ Công an',
        'C06 Bộ Công an',
        'Cục C06',
        'Cục C06 - Bộ Công an',
        'Cục Cảnh sát quản lý hành chính về trật tự xã hội',
        'Cục Cảnh sát QLHC về TTXH',
      ],
      { shortName: 'C06' },
    ),
    external('EXT-BCA', 'Bộ Công an', ['BCA']),
    external('EXT-BKHCN', 'Bộ Khoa học và Công nghệ', ['Bộ KH&CN', 'Bộ KHCN']),
    external('EXT-BTTTT', 'Bộ Thông tin và Truyền thông', ['Bộ TT&TT', 'Bộ TTTT', 'BTTTT'], {
      validTo: LAST_DAY_BEFORE_MERGER,
      successors: [{ code: 'EXT-BKHCN', kind: 'merger', effectiveOn: MERGED_ON }],
    }),
    external('EXT-BYT', 'Bộ Y tế', ['BYT']),
    external('EXT-BNV', 'Bộ Nội vụ', ['BNV']),
    external('EXT-BTC', 'Bộ Tài chính', ['BTC']),
    external('EXT-BKHDT', 'Bộ Kế hoạch và Đầu tư', ['Bộ KH&ĐT', 'Bộ KHĐT'], {
      validTo: LAST_DAY_BEFORE_MERGER,
      successors: [{ code: 'EXT-BTC', kind: 'merger', effectiveOn: MERGED_ON }],
    }),
    external('EXT-VPCP', 'Văn phòng Chính phủ', ['VP Chính phủ', 'VPCP']),
    // Enterprises: 'external' (see kinds.ts), so that "Các sở, ban, ngành" never expands to them.
    external('EXT-BUU-DIEN', 'Bưu điện tỉnh', [`Bưu điện tỉnh ${n}`]),
    external('EXT-VNPT', `Viễn thông ${n}`, ['Viễn thông tỉnh', 'VNPT tỉnh', `VNPT ${n}`], { shortName: `VNPT ${n}` }),
    external('EXT-VIETTEL', `Viettel ${n}`, ['Viettel tỉnh', `Chi nhánh Viettel ${n}`, `Viettel tỉnh ${n}`]),
    external('EXT-NGAN-HANG', 'Các ngân hàng thương mại', [
      'Các ngân hàng',
      'Các ngân hàng trên địa bàn tỉnh',
      'Các ngân hàng thương mại trên địa bàn tỉnh',
      'Các tổ chức tín dụng',
    ]),
    external('EXT-DN-CONG-NGHE', 'Các doanh nghiệp công nghệ', [
      'Các đơn vị doanh nghiệp về công nghệ',
      'Các doanh nghiệp viễn thông',
      'Các doanh nghiệp công nghệ số',
      'Các doanh nghiệp công nghệ thông tin',
      'Các doanh nghiệp CNTT',
    ]),
    external('EXT-CS-KCB', 'Các cơ sở khám bệnh, chữa bệnh', [
      'Các cơ sở khám, chữa bệnh',
      'Các cơ sở khám chữa bệnh',
      'Các cơ sở khám, chữa bệnh có giường bệnh nội trú',
      'Các cơ sở y tế',
      'Các cơ sở y tế trên địa bàn tỉnh',
    ]),
  ];

  // ── Collective names that expand to many orgs ───────────────────────────
  const officeLike: OrgKind[] = ['department', 'agency', 'office'];
  const groups: TemplateOrg[] = [
    group('GRP-SO-BAN-NGANH', 'Các sở, ban, ngành', officeLike, [
      'Các sở, ngành',
      'Các Sở, ban, ngành',
      'Các sở, ban, ngành tỉnh',
      'Các sở, ngành tỉnh',
      'Các sở, ban, ngành liên quan',
      'Các sở, ngành liên quan',
      'Các sở, ban, ngành, cơ quan, đơn vị',
      'Các sở, ngành, cơ quan, đơn vị liên quan',
      'Các sở, ban, ngành, cơ quan, đơn vị liên quan',
    ]),
    group(
      'GRP-UBND-HUYEN',
      'UBND các huyện, thị xã, thành phố',
      ['district'],
      [
        'UBND cấp huyện',
        'Các huyện, thị xã, thành phố',
        'Ủy ban nhân dân các huyện, thị xã, thành phố',
        'UBND các huyện, thành phố, thị xã',
        'Các huyện, thành phố, thị xã',
        'UBND các huyện, thị xã, thành phố trên địa bàn tỉnh',
      ],
      { validTo: LAST_DAY_OF_DISTRICTS },
    ),
    group('GRP-UBND-XA', 'UBND các xã, phường', ['commune'], [
      'UBND các xã, phường, thị trấn',
      'UBND cấp xã',
      'Ủy ban nhân dân các xã, phường',
      'Ủy ban nhân dân các xã, phường, thị trấn',
      'UBND các xã, phường, đặc khu',
      'Các xã, phường',
      'Các xã, phường, thị trấn',
    ]),
    group('GRP-SO-BAN-NGANH-DIA-PHUONG', 'Các sở, ban, ngành, địa phương', [...officeLike, 'district', 'commune'], [
      'Các sở, ban, ngành, cơ quan, đơn vị, địa phương',
      'Các sở, ngành, địa phương',
      'Các sở, ngành địa phương',
      'Các sở, ngành và địa phương',
      'Các sở, ban, ngành và địa phương',
      'Các sở, ban, ngành, các địa phương',
      'Các sở, ngành, địa phương liên quan',
      'Các cơ quan, đơn vị, địa phương',
      'Các cơ quan, đơn vị, địa phương liên quan',
    ]),
    // "Các địa phương" alone means the local governments only, not the departments.
    group('GRP-DIA-PHUONG', 'Các địa phương', ['district', 'commune'], ['Các địa phương liên quan', 'Các địa phương trên địa bàn tỉnh']),
    // Departments together with one local level, as the lead and coordinator cells write them.
    group('GRP-SO-BAN-NGANH-HUYEN', 'Các sở, ban, ngành, UBND các huyện, thị xã, thành phố', [...officeLike, 'district'], [
      'Các sở, ban, ngành và UBND các huyện, thị xã, thành phố',
      'Các sở, ban, ngành, UBND cấp huyện',
      'Các sở, ngành, UBND các huyện, thị xã, thành phố',
    ]),
    group('GRP-SO-BAN-NGANH-XA', 'Các sở, ban, ngành, UBND các xã, phường', [...officeLike, 'commune'], [
      'Các sở, ban, ngành và UBND các xã, phường',
      'Các sở, ban, ngành, UBND cấp xã',
      'Các sở, ngành, UBND các xã, phường',
    ]),
  ];

  return tidy([...root, ...office, ...departments, ...merged, ...agencies, ...teams, ...externals, ...groups]);
}

type DistrictType = 'city' | 'town' | 'district';

const DISTRICT_WORD: Record<DistrictType, { word: string; abbrevs: string[]; codePrefix: string }> = {
  city: { word: 'thành phố', abbrevs: ['TP', 'TP.'], codePrefix: 'TP' },
  town: { word: 'thị xã', abbrevs: ['TX', 'TX.'], codePrefix: 'TX' },
  district: { word: 'huyện', abbrevs: [], codePrefix: 'HUYEN' },
};

/** ASCII upper case for codes: 'Kim Thành' → 'KIM-THANH'. */
function codeOf(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'D')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function districtEntry(type: DistrictType, name: string): TemplateOrg {
  const { word, abbrevs, codePrefix } = DISTRICT_WORD[type];
  const capitalised = word.charAt(0).toUpperCase() + word.slice(1);
  const aliases = [
    `${capitalised} ${name}`,
    `Ủy ban nhân dân ${word} ${name}`,
    ...abbrevs.flatMap((a) => [`${a} ${name}`, `UBND ${a} ${name}`]),
  ];
  return entry(`${codePrefix}-${codeOf(name)}`, 'district', `UBND ${word} ${name}`, {
    shortName: abbrevs[0] ? `${abbrevs[0]} ${name}` : `${capitalised} ${name}`,
    parent: 'UBND',
    aliases,
    validTo: LAST_DAY_OF_DISTRICTS,
  });
}

/** Hải Dương's 12 district-level units (valid until 2025-06-30), for the demo province. */
export function haiDuongDistricts(): TemplateOrg[] {
  const units: [DistrictType, string][] = [
    ['city', 'Hải Dương'],
    ['city', 'Chí Linh'],
    ['town', 'Kinh Môn'],
    ['district', 'Bình Giang'],
    ['district', 'Cẩm Giàng'],
    ['district', 'Gia Lộc'],
    ['district', 'Kim Thành'],
    ['district', 'Nam Sách'],
    ['district', 'Ninh Giang'],
    ['district', 'Thanh Hà'],
    ['district', 'Thanh Miện'],
    ['district', 'Tứ Kỳ'],
  ];
  return tidy(units.map(([type, name]) => districtEntry(type, name)));
}
