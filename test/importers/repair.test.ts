import { describe, expect, it } from 'vitest';
import { findDamagedWords } from '../../server/importers/damage.ts';
import { normaliseText } from '../../server/importers/normalise.ts';
import { parseDirectiveText } from '../../server/importers/parse.ts';
import { repairDamagedText } from '../../server/importers/repair.ts';
import { isVietnameseSyllable, parseSyllable } from '../../server/importers/syllable.ts';
import { readFixture, readSeed, SEEDS } from './helpers.ts';

describe('the Vietnamese syllable', () => {
  it('accepts real syllables with every onset and rhyme shape', () => {
    const real = `của quyết trung tâm khoa học Dương Chương nghĩa nghiệp nghề ghi gà giêng giết gì gìn quốc quý thuở khuya
      người được Việt Nam hoạch xem theo giao quan cao tham mưu lưu Nguyễn tư duy tuyến xử lý kỳ ký ủy yêu yên ích
      hòa hoà khoá chuyển đổi trường phương tỉnh thuộc toàn UBND`.split(/\s+/).filter((w) => w !== 'UBND');
    for (const word of real) expect(isVietnameseSyllable(word), word).toBe(true);
    expect(parseSyllable('quyết')).toEqual({ onset: 'qu', rhyme: 'yêt', tone: 'sac' });
    expect(parseSyllable('Nghĩa')).toEqual({ onset: 'ngh', rhyme: 'ia', tone: 'nga' });
  });

  it('rejects what Vietnamese cannot write', () => {
    const wrong = ['q', 'yê', 'cầ', 'ch', 'Ng', 'tiê', 'củá', 'qúyết', 'kà', 'ngi', 'ghà', 'cì', 'bàt', 'chươg', 'UBND', 'KH', 'ca2', 'thoang2'];
    for (const word of wrong) expect(isVietnameseSyllable(word), word).toBe(false);
  });

  it('gives stop codas (c, ch, p, t) only the sắc or nặng tone', () => {
    expect(isVietnameseSyllable('việt')).toBe(true);
    expect(isVietnameseSyllable('các')).toBe(true);
    expect(isVietnameseSyllable('viềt')).toBe(false);
    expect(isVietnameseSyllable('cảch')).toBe(false);
    expect(isVietnameseSyllable('tập')).toBe(true);
    expect(isVietnameseSyllable('tâp')).toBe(false);
  });
});

describe('finding damaged words', () => {
  it('leaves real punctuation, numbers, symbols and acronyms alone', () => {
    const text = 'Nghị quyết số 57-NQ/TW, giai đoạn 2025-2030, C06 - Bộ Công an, Sở KH&CN, Sở GD&ĐT, ngày 22/12/2024, khí CO2, Hà Nội-Hải Phòng, kinh tế- xã hội.';
    expect(findDamagedWords(text, isVietnameseSyllable)).toEqual([]);
    expect(repairDamagedText(text)).toMatchObject({ text, damaged: 0, repairs: [] });
  });

  it('finds letters replaced inside and at the end of words', () => {
    const words = findDamagedWords('củ& q2yết Tr2ng kh�& D\'ơng Yê- cầ- th!o 726/KH-�BND', isVietnameseSyllable).map((d) => d.word);
    expect(words).toEqual(['củ&', 'q2yết', 'Tr2ng', 'kh�&', "D'ơng", 'Yê-', 'cầ-', 'th!o', '�BND']);
  });

  it('repairs a short text only where a single syllable fits, and keeps its length and lines', () => {
    const text = 'Nghị q2yết số 57-NQ/TW\nSở KH&CN ch-yển đổi số';
    const repaired = repairDamagedText(text);
    expect(repaired.text).toBe('Nghị quyết số 57-NQ/TW\nSở KH&CN chuyển đổi số');
    expect(repaired.repairs).toEqual([
      { line: 0, from: 'q2yết', to: 'quyết' },
      { line: 1, from: 'ch-yển', to: 'chuyển' },
    ]);
  });
});

describe('the Office plan with damaged text (seed 002)', () => {
  const text = normaliseText(readSeed(SEEDS.officePlan));
  const repaired = repairDamagedText(text);
  const pairs = new Set(repaired.repairs.map((r) => `${r.from}→${r.to}`));
  const flat = repaired.text.replace(/\s+/g, ' ');

  it('repairs the words the syllable inventory and the document decide', () => {
    for (const pair of ['củ&→của', 'củ#→của', 'q2yết→quyết', 'q-yết→quyết', 'Tr2ng→Trung', 'kh�&→khoa', "D'ơng→Dương", 'D�ơng→Dương', 'Ch\'ơng→Chương', 'b&n→ban', 'tr�ng→trong', 'đ�ợc→được', 'q2&n→quan', 'th!�→theo', 'Ng-yễn→Nguyễn', '�BND→UBND', 'c2ng→cung']) {
      expect(pairs.has(pair), pair).toBe(true);
    }
    expect(flat).toContain('Trung tâm Công nghệ thông tin chủ trì, tổng hợp kết quả thực hiện các nhiệm vụ được giao');
    expect(flat).toContain('phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia trên địa bàn tỉnh Hải Dương');
  });

  it('repairs at least 97% of the damaged words and lists the rest with their lines', () => {
    expect(repaired.damaged).toBeGreaterThan(200);
    expect(repaired.repairs.length / repaired.damaged).toBeGreaterThanOrEqual(0.97);
    expect(repaired.repairs.length + repaired.unrepaired.length).toBe(repaired.damaged);
    for (const left of repaired.unrepaired) expect(text.split('\n')[left.line]).toContain(left.from);
    expect(repaired.text).toHaveLength(text.length);
  });

  it('leaves the real punctuation of the document as it was', () => {
    for (const kept of ['57-NQ/TW', '2025-2030', '57- NQ/TW', '113-CTr/TU', '/VP-TTCNTT', '- Sở KHCN (để t/h);', '09/01/2025']) expect(repaired.text).toContain(kept);
  });

  it('gives the 11 indicators their names and centres as the hand-checked extraction writes them', () => {
    const fixture = readFixture('002-office-plan.json');
    expect(fixture.indicators).toHaveLength(11);
    for (const indicator of fixture.indicators) {
      expect(flat, indicator.code).toContain(indicator.name);
      for (const monitor of indicator.monitoring) expect(flat, indicator.code).toContain(monitor);
    }
  });

  it('is parsed from the repaired text: header, the plan it implements, the reporting day, and how much was repaired', () => {
    const parsed = parseDirectiveText(readSeed(SEEDS.officePlan));
    expect(parsed.directive).toMatchObject({ number: '/VP-TTCNTT', issuedOn: '2025-02-28', kind: 'plan', reportingDay: 23, signer: 'Nguyễn Viết Hải, Chánh Văn phòng' });
    // Words written undamaged elsewhere in the document decide capitals ("HẢ�" is HẢI, as in "Hải Dương"),
    // and the tail of a symbol ("113-CTr/T�") is left as it is rather than read as a syllable.
    expect(parsed.directive.issuer).toBe('Văn phòng UBND tỉnh Hải Dương');
    expect(parsed.directive.title).toContain('113-CTr/T�');
    expect(parsed.directive.implements).toContain('726/KH-UBND');
    expect(parsed.directive.title).toContain('Nghị quyết số 03/NQ-CP ngày 09/01/2025 của Chính phủ');
    expect(parsed.repairs).toBe(repaired.repairs.length);
    const notice = parsed.warnings.find((w) => w.code === 'text_repaired');
    expect(notice?.message).toContain(`${repaired.repairs.length}/${repaired.damaged} từ`);
    expect(notice?.message).toContain(`còn ${repaired.unrepaired.length} từ chưa sửa được`);
    expect(parsed.warnings.some((w) => w.code === 'damaged_text')).toBe(true);
  });

  it('writes "Ban hành" (the pair administrative documents use), not "Bon hành"', () => {
    expect(repairDamagedText(text).text).toContain('(Ban hành kèm theo Kế hoạch');
  });
});

describe('undamaged documents', () => {
  it.each([SEEDS.notice2025, SEEDS.plan726, SEEDS.letter2025, SEEDS.notice2021])('%s is not repaired and has no repair count', (file) => {
    const parsed = parseDirectiveText(readSeed(file));
    expect(parsed.repairs).toBeUndefined();
    expect(parsed.warnings.some((w) => w.code === 'text_repaired')).toBe(false);
    expect(repairDamagedText(normaliseText(readSeed(file))).repairs.length).toBeLessThanOrEqual(2);
  });
});
