import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AppError } from '../server/errors.ts';
import { parseDirectiveText } from '../server/importers/parse.ts';
import { readDocument } from '../server/imports/readers/index.ts';
import { layoutText } from '../server/imports/readers/pdf-layout.ts';

const fixture = (path: string) => readFileSync(fileURLToPath(new URL(`./fixtures/${path}`, import.meta.url)));

async function refusal(bytes: Buffer, name: string): Promise<AppError> {
  try {
    await readDocument(bytes, name);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error(`${name} was read`);
}

describe('reading PDF documents', () => {
  // plan-726.pdf: the seed text of Plan 726 as a landscape DOCX (the appendix lines as Word tables),
  // printed to PDF once by LibreOffice; the tests only read it.
  it('reads Plan 726 from PDF to the same directive, tasks and indicators as its text', async () => {
    const started = performance.now();
    const { text, format } = await readDocument(fixture('pdf/plan-726.pdf'), 'plan-726.pdf');
    const elapsed = performance.now() - started;
    expect(format).toBe('pdf');
    expect(elapsed).toBeLessThan(10_000);
    const fromPdf = parseDirectiveText(text);
    const fromText = parseDirectiveText(fixture('seeds/001_7ac3fb3fba868bc4.txt').toString('utf8'));

    expect(fromPdf.directive).toEqual(fromText.directive);
    expect(fromPdf.directive).toMatchObject({ number: '726/KH-UBND', kind: 'plan', reportingDay: 18, meetingDay: 23 });
    expect(fromPdf.sections).toEqual(fromText.sections);
    expect(fromPdf.tasks).toHaveLength(81);
    expect(fromPdf.tasks.map((t) => t.ordinal)).toEqual(fromText.tasks.map((t) => t.ordinal));
    expect(fromPdf.tasks.map((t) => [t.ordinal, t.leads])).toEqual(fromText.tasks.map((t) => [t.ordinal, t.leads]));
    expect(fromPdf.tasks.map((t) => [t.ordinal, t.coordinators])).toEqual(fromText.tasks.map((t) => [t.ordinal, t.coordinators]));
    expect(fromPdf.tasks.map((t) => [t.ordinal, t.title])).toEqual(fromText.tasks.map((t) => [t.ordinal, t.title]));
    expect(fromPdf.tasks.map((t) => [t.ordinal, t.product, t.deadline])).toEqual(fromText.tasks.map((t) => [t.ordinal, t.product, t.deadline]));

    expect(fromPdf.indicators).toHaveLength(44);
    expect(fromPdf.indicators.map((i) => [i.code, i.parent, i.unit, i.target, i.horizonYear, i.monitors])).toEqual(
      fromText.indicators.map((i) => [i.code, i.parent, i.unit, i.target, i.horizonYear, i.monitors]),
    );
    // One name differs: the seed's damaged break "sáng" / "ạo" is printed as its own table row in the
    // fixture, and the PDF reader joins a row's lines before the importer could mend the word.
    const names = fromPdf.indicators.filter((i, k) => i.name !== fromText.indicators[k]?.name).map((i) => i.code);
    expect(names).toEqual(['14']);
  });

  it('writes table rows as tab-separated cells by the header columns, a continued row led by tabs', () => {
    const run = (str: string, x: number, y: number) => ({ str, x, y, width: str.length * 5, size: 10 });
    const header = [run('TT', 50, 700), run('Tên nhiệm vụ', 80, 700), run('Cơ quan chủ trì', 300, 700), run('Thời gian', 450, 700)];
    const page1 = { items: [run('Căn cứ Kế hoạch', 50, 760), ...header, run('1.', 50, 680), run('Xây dựng đề án', 80, 680), run('Sở Tài chính', 300, 680), run('6/2025', 450, 680), run('chuyển đổi số', 80, 668)] };
    const page2 = { items: [...header.map((h) => ({ ...h, y: 780 })), run('của tỉnh', 80, 760), run('2.', 50, 740), run('Rà soát', 80, 740), run('Sở Nội vụ', 300, 740)] };
    expect(layoutText([page1, page2]).split('\n')).toEqual([
      'Căn cứ Kế hoạch',
      'TT\tTên nhiệm vụ\tCơ quan chủ trì\tThời gian',
      '1.\tXây dựng đề án chuyển đổi số\tSở Tài chính\t6/2025',
      'TT\tTên nhiệm vụ\tCơ quan chủ trì\tThời gian',
      '\tcủa tỉnh\t\t',
      '2.\tRà soát\tSở Nội vụ',
    ]);
  });

  it('refuses a corrupt, a password-protected and a scanned (text-less) PDF with clear Vietnamese messages', async () => {
    const corrupt = await refusal(fixture('pdf/corrupt.pdf'), 'corrupt.pdf');
    expect(corrupt.code).toBe('validation_failed');
    expect(corrupt.message).toMatch(/PDF bị hỏng/);

    const locked = await refusal(fixture('pdf/password.pdf'), 'password.pdf');
    expect(locked.code).toBe('validation_failed');
    expect(locked.message).toMatch(/mật khẩu/);

    const scanned = await refusal(fixture('pdf/scanned-no-text.pdf'), 'scan.pdf');
    expect(scanned.code).toBe('validation_failed');
    expect(scanned.message).toMatch(/không có lớp chữ/);
    expect(scanned.message).toMatch(/OCR/);

    const notPdf = await refusal(Buffer.from('Đây không phải PDF \u0000\u0001'.repeat(50)), 'van-ban.pdf');
    expect(notPdf.message).toMatch(/không phải PDF/);
  });
});
