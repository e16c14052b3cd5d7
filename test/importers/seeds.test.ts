import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDirectiveText } from '../../server/importers/parse.ts';
import type { ParsedDirective, ParsedTask } from '../../server/importers/types.ts';
import { asWritten, readFixture, readSeed, sameContent, SEEDS, wording, type Fixture } from './helpers.ts';

/**
 * Every seed document against its hand-checked extraction in test/fixtures/demo.
 * Plan 726 is compared field by field; the prose documents (000, 003, 004) by ordinal, agencies and deadlines,
 * and their titles by content (the fixtures cut some lead-in clauses by hand).
 */
const byOrdinal = (parsed: ParsedDirective) => new Map(parsed.tasks.map((t) => [t.ordinal, t]));
const taskAt = (parsed: ParsedDirective, ordinal: string): ParsedTask => {
  const task = byOrdinal(parsed).get(ordinal);
  if (!task) throw new Error(`no task ${ordinal}`);
  return task;
};

describe('Plan 726/KH-UBND (seed 001)', () => {
  const parsed = parseDirectiveText(readSeed(SEEDS.plan726));
  const fixture = readFixture('001-plan-726.json');

  it('reads the header, the legal basis, the signer and the monthly cycle', () => {
    const { sourceFile: _ignored, ...expected } = fixture.directive as Fixture['directive'] & { sourceFile: string };
    expect(parsed.directive).toEqual(expected);
  });

  it('takes the ten sections I–X of Phụ lục II, numerals broken by the extraction ("V I", "VII I") mended', () => {
    expect(parsed.sections).toEqual(fixture.sections);
  });

  it('takes the 81 tasks of the appendix, each with its section, leads, coordinators, product and deadline as written', () => {
    expect(parsed.tasks).toHaveLength(81);
    parsed.tasks.forEach((task, i) => {
      const expected = fixture.tasks[i];
      if (!expected) throw new Error(`fixture has no task ${i}`);
      expect({ ordinal: task.ordinal, section: task.section }).toEqual({ ordinal: expected.ordinal, section: expected.section });
      expect(asWritten(task.title), `title of ${task.ordinal}`).toBe(asWritten(expected.title));
      expect(task.leads, `leads of ${task.ordinal}`).toEqual(expected.leads);
      expect(task.coordinators, `coordinators of ${task.ordinal}`).toEqual(expected.coordinators);
      expect(asWritten(task.product), `product of ${task.ordinal}`).toBe(asWritten(expected.product));
      expect(task.deadline.text, `deadline of ${task.ordinal}`).toBe(expected.deadline);
      expect(task.source).toContain(`${task.ordinal}.\t`);
    });
  });

  it('parses every deadline of the appendix', () => {
    expect(parsed.tasks.filter((t) => t.deadline.kind === 'none')).toEqual([]);
    const deadline = (ordinal: string) => taskAt(parsed, ordinal).deadline;
    expect(deadline('1')).toMatchObject({ kind: 'month', dueOn: '2025-02-28', precision: 'month' });
    expect(deadline('4')).toMatchObject({ kind: 'ongoing', dueOn: null, ongoing: true });
    expect(deadline('12')).toMatchObject({ kind: 'conditional', dueOn: null });
    expect(deadline('14')).toMatchObject({ kind: 'conditional', condition: 'sau khi trung uong ban hanh' });
    expect(deadline('17')).toMatchObject({ kind: 'compound', dueOn: '2025-05-31', ongoing: true, continues: 'ongoing' });
    expect(deadline('34')).toMatchObject({ kind: 'compound', dueOn: '2025-03-31', continues: 'other_places_later' });
    expect(deadline('36')).toMatchObject({ kind: 'compound', dueOn: '2025-12-31', continues: 'following_years' });
    expect(deadline('58')).toMatchObject({ kind: 'annual', annual: true, dueOn: '2025-09-30', recurrence: { month: 10, before: true } });
    expect(deadline('73')).toMatchObject({ kind: 'annual', dueOn: '2026-01-31' });
  });

  it('mends the words the extraction broke at a line end, and says so', () => {
    expect(taskAt(parsed, '25').leads).toEqual(['Sở Khoa học và Công nghệ']);
    expect(taskAt(parsed, '38').leads).toEqual(['Sở Khoa học và Công nghệ']);
    expect(taskAt(parsed, '25').confidence).toBeLessThan(taskAt(parsed, '26').confidence);
    const repaired = parsed.warnings.filter((w) => w.code === 'word_repaired').map((w) => w.where);
    expect(repaired).toEqual(expect.arrayContaining(['Phụ lục, nhiệm vụ 25', 'Phụ lục, nhiệm vụ 38', 'Chỉ tiêu 14']));
  });

  it('keeps the prose of section II as a check, not as tasks: only instructions missing from the appendix are reported', () => {
    const outside = parsed.warnings.filter((w) => w.code === 'prose_task_not_in_appendix');
    expect(outside.length).toBeGreaterThan(0);
    expect(outside.length).toBeLessThan(8);
    expect(outside.map((w) => w.message).join('\n')).toContain('phần mềm theo dõi tiến độ');
  });

  it('takes the 26 + 4 indicators (44 rows with sub-indicators) with unit, target, horizon and monitoring agencies', () => {
    expect(parsed.indicators).toHaveLength(44);
    parsed.indicators.forEach((indicator, i) => {
      const expected = fixture.indicators[i];
      if (!expected) throw new Error(`fixture has no indicator ${i}`);
      expect(indicator.code).toBe(expected.code);
      expect(indicator.parent).toBe(expected.parent ?? null);
      expect(asWritten(indicator.name), `name of ${indicator.code}`).toBe(asWritten(expected.name));
      expect(indicator.unit).toBe(expected.unit ?? null);
      expect(indicator.target.text).toBe(expected.target);
      expect(indicator.horizonYear).toBe(expected.horizonYear ?? null);
      expect(indicator.monitors, `monitors of ${indicator.code}`).toEqual(expected.monitoring);
    });
  });

  it('parses the indicator targets: at least, more than, at most, ranges, ranks, compound, words', () => {
    const target = (code: string) => {
      const found = parsed.indicators.find((i) => i.code === code);
      if (!found) throw new Error(`no indicator ${code}`);
      return found.target;
    };
    expect(target('1')).toMatchObject({ operator: 'rank', value: null });
    expect(target('3')).toMatchObject({ operator: 'rank', value: 15 });
    expect(target('5')).toMatchObject({ operator: 'gte', value: 55 });
    expect(target('7.2')).toMatchObject({ operator: 'gte', value: 90 });
    expect(target('10')).toMatchObject({ operator: 'gte', value: 0.8, text: '≥ 0,8' });
    expect(target('12')).toMatchObject({ operator: 'gt', value: 60 });
    expect(target('13')).toMatchObject({ operator: 'gte', value: 3, percent: true, qualifier: 'tăng dần theo yêu cầu phát triển' });
    expect(target('15')).toMatchObject({ operator: 'range', value: 1, valueMax: 2 });
    expect(target('16')).toMatchObject({ operator: 'range', value: 16, valueMax: 18 });
    expect(target('17')).toMatchObject({ operator: 'range', value: 8, valueMax: 10 });
    expect(target('18')).toMatchObject({ operator: 'qualitative', value: null });
    expect(target('18.1')).toMatchObject({ operator: 'gte', value: 100, percent: true });
    expect(target('26')).toMatchObject({ operator: 'lte', value: 20 });
    expect(target('2045.3')).toMatchObject({ operator: 'gte', value: 1 });
  });
});

describe('Conclusion notice of February 2025 (seed 000)', () => {
  const parsed = parseDirectiveText(readSeed(SEEDS.notice2025));
  const fixture = readFixture('000-notice-2025-02.json');

  it('reads the header of an unsigned draft: a symbol without number, a date without day', () => {
    expect(parsed.directive).toMatchObject({
      number: '/TB-UBND',
      kind: 'conclusion_notice',
      issuedOn: null,
      issuer: fixture.directive.issuer,
      signer: fixture.directive.signer,
      title: fixture.directive.title,
      implements: [],
      reportingDay: 20,
      meetingDay: null,
    });
    const codes = parsed.warnings.map((w) => w.code);
    expect(codes).toEqual(expect.arrayContaining(['number_missing', 'date_incomplete']));
    expect(parsed.warnings.find((w) => w.code === 'date_incomplete')?.message).toContain('02/2025');
  });

  itReadsProseLikeTheFixture(parsed, fixture);

  it('reads the dates given inline, with the clock time, and the quarters', () => {
    expect(taskAt(parsed, '1.1').deadline).toMatchObject({ kind: 'date', dueOn: '2025-02-20', dueTime: '10:00', precision: 'day' });
    expect(taskAt(parsed, '3.2').deadline).toMatchObject({ kind: 'date', dueOn: '2025-03-10' });
    expect(taskAt(parsed, '4.e').deadline).toMatchObject({ kind: 'quarter', dueOn: '2025-12-31', precision: 'quarter' });
    expect(taskAt(parsed, '4.h').deadline).toMatchObject({ kind: 'quarter', dueOn: '2025-03-31' });
    expect(taskAt(parsed, '4.m').deadline).toMatchObject({ kind: 'ongoing', ongoing: true });
  });

  it('names the merged departments as written (the directory resolves them to their successors)', () => {
    const leads = parsed.tasks.flatMap((t) => t.leads);
    expect(leads).toEqual(expect.arrayContaining(['Sở Thông tin và Truyền thông', 'Sở Tài nguyên và Môi trường', 'Sở Giao thông vận tải']));
  });
});

describe('Official letter of July 2025 (seed 003)', () => {
  const parsed = parseDirectiveText(readSeed(SEEDS.letter2025));
  const fixture = readFixture('003-letter-2025-07.json');

  it('is a letter (Kính gửi, no kind word) that implements the Steering Committee notice', () => {
    expect(parsed.directive).toMatchObject({
      number: null,
      kind: 'official_letter',
      issuer: 'UBND tỉnh',
      signer: fixture.directive.signer,
      implements: ['01-TB/BCĐ'],
    });
  });

  itReadsProseLikeTheFixture(parsed, fixture);

  it('gives standing tasks without a deadline, so they are ongoing', () => {
    for (const task of parsed.tasks) {
      expect(task.deadline, task.ordinal).toMatchObject({ kind: 'ongoing', ongoing: true, dueOn: null, implied: true, text: '' });
    }
  });
});

describe('Conclusion notice of 31/12/2021 (seed 004)', () => {
  const parsed = parseDirectiveText(readSeed(SEEDS.notice2021));
  const fixture = readFixture('004-notice-2021-12.json');

  it('reads the header without an issuer block', () => {
    expect(parsed.directive).toMatchObject({
      number: '/TB-UBND',
      kind: 'conclusion_notice',
      issuedOn: '2021-12-31',
      signer: fixture.directive.signer,
      title: fixture.directive.title,
      implements: [],
    });
  });

  itReadsProseLikeTheFixture(parsed, fixture);

  it('gives the quarter deadlines of 2022', () => {
    expect(taskAt(parsed, '3.2').deadline).toMatchObject({ text: 'trong Quý I/2022', kind: 'quarter', dueOn: '2022-03-31', precision: 'quarter' });
    expect(taskAt(parsed, '4.1').deadline).toMatchObject({ text: 'trong Quý IV/2022', kind: 'quarter', dueOn: '2022-12-31', precision: 'quarter' });
  });

  it('gives the sentences that open with a verb to the agencies the lead-in names ("yêu cầu các sở, ngành, địa phương …")', () => {
    for (const ordinal of ['2.1', '2.2', '2.3', '3.1', '4.1', '4.2']) expect(taskAt(parsed, ordinal).leads, ordinal).toEqual(['các sở, ngành, địa phương']);
  });
});

describe('Office plan with damaged text (seed 002)', () => {
  it('does not crash, reads what is legible and warns that the text is damaged', () => {
    const parsed = parseDirectiveText(readSeed(SEEDS.officePlan));
    expect(parsed.directive).toMatchObject({ number: '/VP-TTCNTT', issuedOn: '2025-02-28', kind: 'plan', reportingDay: 23 });
    // The title's own "726/KH-�BND" is damaged; the basis paragraph writes it whole.
    expect(parsed.directive.implements).toEqual(['726/KH-UBND']);
    const damaged = parsed.warnings.find((w) => w.code === 'damaged_text');
    expect(damaged?.message).toMatch(/\d+\/\d+ từ/);
    for (const task of parsed.tasks) expect(task.confidence).toBeLessThanOrEqual(0.5);
  });

  it('reads its 11 indicators from the table whose cells lost their tabs, as the checked extraction has them', () => {
    const parsed = parseDirectiveText(readSeed(SEEDS.officePlan));
    const checked = (JSON.parse(readFileSync(new URL('../fixtures/demo/002-office-plan.json', import.meta.url), 'utf8')) as { indicators: { code: string; name: string; unit: string; target: string; monitoring: string[] }[] }).indicators;
    expect(parsed.indicators.map((i) => i.code)).toEqual(checked.map((i) => i.code));
    for (const [n, indicator] of parsed.indicators.entries()) {
      const want = checked[n];
      expect(indicator.name, indicator.code).toBe(want?.name);
      expect(indicator.unit, indicator.code).toBe(want?.unit);
      expect(indicator.target.text.replace(/\s/g, ''), indicator.code).toBe(want?.target.replace(/\s/g, ''));
      expect(indicator.monitors, indicator.code).toEqual(want?.monitoring);
    }
    expect(parsed.indicators.find((i) => i.code === '7')?.target).toMatchObject({ operator: 'gte', value: 30 });
  });
});

describe('the same text in another encoding', () => {
  it.each(Object.values(SEEDS))('%s in NFD with CRLF and a BOM gives the same result', (file) => {
    const text = readSeed(file);
    const mangled = `\uFEFF${text.normalize('NFD').replace(/\n/g, '\r\n')}`;
    expect(parseDirectiveText(mangled)).toEqual(parseDirectiveText(text));
  });
});

/** The prose documents: every task's ordinal, section, agencies and deadline; titles and section titles by content. */
function itReadsProseLikeTheFixture(parsed: ParsedDirective, fixture: Fixture): void {
  it(`reads the ${fixture.tasks.length} instructions with their ordinals and sections`, () => {
    expect(parsed.tasks.map((t) => t.ordinal)).toEqual(fixture.tasks.map((t) => t.ordinal));
    expect(parsed.tasks.map((t) => t.section)).toEqual(fixture.tasks.map((t) => t.section ?? null));
    expect(parsed.sections.map((s) => s.code)).toEqual(fixture.sections.map((s) => s.code));
    parsed.sections.forEach((section, i) => expect(sameContent(section.title, fixture.sections[i]?.title), section.code).toBe(true));
  });

  it('gives each instruction its leads, coordinators, deadline as written and title', () => {
    parsed.tasks.forEach((task, i) => {
      const expected = fixture.tasks[i];
      if (!expected) throw new Error(`fixture has no task ${i}`);
      expect(task.leads, `leads of ${task.ordinal}`).toEqual(expected.leads);
      expect(task.coordinators.length, `coordinators of ${task.ordinal}`).toBe(expected.coordinators.length);
      task.coordinators.forEach((name, k) => expect(sameContent(name, expected.coordinators[k]), `${task.ordinal}: ${name}`).toBe(true));
      expect(task.deadline.text, `deadline of ${task.ordinal}`).toBe(expected.deadline ?? '');
      expect(sameContent(task.title, expected.title), `title of ${task.ordinal}: ${task.title}`).toBe(true);
      expect(wording(task.source)).toContain(wording(task.title).split(' ').slice(-3).join(' '));
    });
  });
}
