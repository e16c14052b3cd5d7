import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDeadline } from '../../server/domain/deadlines.ts';
import { isIsoDate } from '../../server/domain/time.ts';
import { AppError, ERROR_CATALOGUE } from '../../server/errors.ts';
import { parseDirectiveText } from '../../server/importers/parse.ts';
import type { ParsedDirective } from '../../server/importers/types.ts';
import { WARNING_CODES } from '../../server/importers/warnings.ts';
import { PDF_TIME_LIMIT_MS } from '../../server/imports/readers/pdf.ts';
import { readDocument } from '../../server/imports/readers/index.ts';
import { SEEDS, readSeed } from '../importers/helpers.ts';
import { docxFromText } from '../helpers/zip.ts';
import { VIETNAMESE, fuzzRuns } from './check.ts';
import { mutatedBytes, mutatedText } from './mutations.ts';

/**
 * Property-based fuzz of the document importer (issue 7): the pure parser on random and mutated real
 * texts, and the readers on random and damaged files. Never an exception other than AppError (with a
 * catalogue code below 500 and a Vietnamese message), never a hang, and the parse's invariants hold.
 */
/** One parse of a document of up to ~100 kB; a slower one would stall an import request. */
const PARSE_LIMIT_MS = 2_000;

const SEED_TEXTS = Object.values(SEEDS).map(readSeed);
const fixture = (path: string) => readFileSync(new URL(`../fixtures/${path}`, import.meta.url));

function expectAppError(error: unknown, label: string): void {
  if (!(error instanceof AppError)) throw new Error(`${label}: threw ${error instanceof Error ? `${error.name}: ${error.message}\n${error.stack}` : String(error)}`);
  expect(ERROR_CATALOGUE[error.code].status, `${label}: ${error.code}`).toBeLessThan(500);
  expect(error.message, label).toMatch(VIETNAMESE);
}

function expectInvariants(parsed: ParsedDirective, label: string): void {
  const ordinals = new Set<string>();
  for (const task of parsed.tasks) {
    expect(task.title.trim(), `${label}: task ${task.ordinal} has no title`).not.toBe('');
    expect(ordinals.has(task.ordinal), `${label}: ordinal ${task.ordinal} twice`).toBe(false);
    ordinals.add(task.ordinal);
    const due = task.deadline.dueOn;
    expect(due === null || isIsoDate(due), `${label}: task ${task.ordinal} due ${due} («${task.deadline.text}»)`).toBe(true);
    expect(task.confidence).toBeGreaterThanOrEqual(0);
    expect(task.confidence).toBeLessThanOrEqual(1);
  }
  const issued = parsed.directive.issuedOn;
  expect(issued === null || isIsoDate(issued), `${label}: issued ${issued}`).toBe(true);
  for (const w of parsed.warnings) expect(WARNING_CODES, label).toContain(w.code);
}

/** Parses, timing the call; returns normally for a parse or a clean refusal, throws on anything else. */
function checkParse(text: string, label: string): void {
  const started = performance.now();
  let parsed: ParsedDirective;
  try {
    parsed = parseDirectiveText(text);
  } catch (error) {
    expectAppError(error, label);
    return;
  }
  const elapsed = performance.now() - started;
  expect(elapsed, `${label}: parse took ${Math.round(elapsed)} ms for ${text.length} characters`).toBeLessThan(PARSE_LIMIT_MS);
  expectInvariants(parsed, label);
}

/** Text shaped like a directive: header lines, headings, appendix rows, assignment sentences, odd dates. */
const TOKENS = ['UBND TỈNH HẢI DƯƠNG', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Số: 12/KH-UBND', 'Hải Dương, ngày 30 tháng 02 năm 2025', 'KẾ HOẠCH', 'THÔNG BÁO', 'Phụ lục', 'STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian hoàn thành', 'Sản phẩm', 'I.', 'II.', '1.', '2.', 'a)', '-', 'Giao Sở Y tế chủ trì, phối hợp Sở Nội vụ', 'hoàn thành trước ngày 30/6/2025', 'Quý IV/0000', 'Quý V/2025', 'tháng 13/2025', '32/13/2025', 'trước ngày 29/02/2025', '0/2025', '12/9999', 'Năm 0000', 'Thường xuyên', 'hàng năm', 'trước tháng 0 hàng năm', 'Sau khi Trung ương ban hành', 'báo cáo vào ngày 18 hàng tháng', 'ngày 45 hàng tháng', 'Chủ tịch', 'KT. CHỦ TỊCH', 'Nơi nhận:', 'chỉ tiêu', '100%', '≥ 50', '\uFFFD', '&', '2'];
const SEPARATORS = [' ', ' ', '\t', '\n', '\n', '\r\n', '\t\t'];
const directiveLike = fc.array(fc.tuple(fc.constantFrom(...TOKENS), fc.constantFrom(...SEPARATORS)), { maxLength: 120 }).map((parts) => parts.map(([t, s]) => t + s).join(''));
const randomText = fc.oneof(fc.string({ maxLength: 3000, unit: 'binary' }), fc.string({ maxLength: 3000, unit: 'grapheme' }), directiveLike);

/** Deadline phrases as directives write them, with numbers anywhere from 0 to 9999. */
const number = fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 9999 })).chain((n) => fc.constantFrom(String(n), String(n).padStart(2, '0'), String(n).padStart(4, '0')));
const deadlinePhrase = fc
  .array(fc.oneof(fc.constantFrom('trước', 'ngày', 'tháng', 'năm', 'quý', 'IV', 'I', 'V', 'hàng năm', 'hàng tháng', 'trong', 'ngày làm việc', 'giờ', 'và thực hiện thường xuyên', 'các năm tiếp theo', 'sau khi', '/', '-', '.', ','), number), { minLength: 1, maxLength: 8 })
  .map((parts) => parts.join(' ').replace(/ ([/.-]) /g, '$1'));

describe('importer fuzz: the parser', () => {
  it('reads deadline phrases to a real date or none', { timeout: 30_000 }, () => {
    fc.assert(
      fc.property(deadlinePhrase, fc.option(fc.constantFrom('2025-02-20', '2024-12-31', '2025-02-28')), (text, documentDate) => {
        const d = parseDeadline(text, documentDate ?? undefined);
        expect(d.dueOn === null || isIsoDate(d.dueOn), `«${text}» (${documentDate}) → ${d.dueOn}`).toBe(true);
        if (d.recurrence) expect(d.recurrence.month, text).toBeGreaterThanOrEqual(1);
        if (d.recurrence) expect(d.recurrence.month, text).toBeLessThanOrEqual(12);
      }),
      fuzzRuns(60, 20),
    );
  });

  it('reads random and directive-shaped text without a foreign exception, in bounded time, with its invariants', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(randomText, (text) => checkParse(text, `random text ${JSON.stringify(text.slice(0, 120))}`)),
      fuzzRuns(60, 2),
    );
  });

  it('reads mutations of the five real seed documents the same way', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(mutatedText(SEED_TEXTS), (text) => checkParse(text, `mutated seed (${text.length} characters) ${JSON.stringify(text.slice(0, 120))}`)),
      fuzzRuns(60),
    );
  });
});

describe('importer fuzz: the readers', () => {
  const names = fc.constantFrom('van-ban.txt', 'van-ban.docx', 'van-ban.pdf', 'van-ban', 'VAN BAN.DOCX', 'a.PDF');

  async function checkRead(bytes: Buffer, name: string, limitMs: number): Promise<void> {
    const label = `${name} (${bytes.length} bytes, starts ${bytes.subarray(0, 8).toString('hex')})`;
    const started = performance.now();
    try {
      const { text, format } = await readDocument(bytes, name);
      expect(['txt', 'docx', 'pdf'], label).toContain(format);
      checkParse(text, `${label} → text`);
    } catch (error) {
      expectAppError(error, label);
    }
    expect(performance.now() - started, `${label}: read time`).toBeLessThan(limitMs);
  }

  it('refuses or reads random bytes, behind the magic numbers of each format too', { timeout: 60_000 }, async () => {
    const magic = fc.constantFrom('', 'PK\u0003\u0004', '\u00d0\u00cf\u0011\u00e0', '\u0089PNG', '\u00ff\u00d8', '\u00ff\u00fe', '\u00fe\u00ff', '\u00ef\u00bb\u00bf');
    const bytes = fc.tuple(magic, fc.uint8Array({ maxLength: 4000 })).map(([head, rest]) => Buffer.concat([Buffer.from(head, 'latin1'), Buffer.from(rest)]));
    // A file read as PDF starts a worker: that branch has its own, smaller test below.
    const notPdf = fc.tuple(bytes, names).filter(([b]) => !b.subarray(0, 1024).includes('%PDF-'));
    await fc.assert(
      fc.asyncProperty(notPdf, async ([b, name]) => checkRead(b, name, 5_000)),
      fuzzRuns(60, 2),
    );
  });

  it('refuses or reads damaged DOCX files built from the seed documents', { timeout: 90_000 }, async () => {
    const docx = [SEEDS.plan726, SEEDS.notice2025, SEEDS.letter2025].map((s) => docxFromText(readSeed(s)));
    // Broken archives (damaged bytes) stop at the ZIP guard or in mammoth; sound archives of damaged text go all the way through.
    const files = fc.oneof(mutatedBytes(docx), mutatedText(SEED_TEXTS).map(docxFromText));
    await fc.assert(
      fc.asyncProperty(files, names, async (b, name) => checkRead(b, name, 10_000)),
      fuzzRuns(60),
    );
  });

  it('refuses or reads a few damaged PDFs within the reader time limit (each runs in a worker)', { timeout: 4 * (PDF_TIME_LIMIT_MS + 10_000) }, async () => {
    const pdfs = ['pdf/plan-726.pdf', 'pdf/corrupt.pdf', 'pdf/scanned-no-text.pdf'].map(fixture);
    await fc.assert(
      fc.asyncProperty(mutatedBytes(pdfs), async (b) => checkRead(b, 'van-ban.pdf', PDF_TIME_LIMIT_MS + 5_000)),
      // One PDF in twenty runs of the others: each starts a worker thread.
      fuzzRuns(60, 1 / 20),
    );
  });
});
