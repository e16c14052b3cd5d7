import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../errors.ts';
import { type PageText, type PositionedText, layoutText } from './pdf-layout.ts';

/** The most pages read from one PDF. */
export const PDF_MAX_PAGES = 500;
/** The most characters of text kept from one PDF (a plan of 500 dense pages has about 2 million). */
export const PDF_MAX_CHARS = 4_000_000;
/** Wall-clock time allowed to read one PDF; the reader is stopped after it. */
export const PDF_TIME_LIMIT_MS = 30_000;
/** Heap allowed to the thread that reads the PDF. */
const PDF_HEAP_MB = 384;

const require = createRequire(import.meta.url);

/**
 * Runs in its own thread (bounded heap, killed on timeout): pdfjs reads the document and posts back the
 * text runs with their positions. Plain JavaScript because the thread is started from source text.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  const { bytes, pdfjsUrl, cMapUrl, standardFontDataUrl, maxPages, maxChars } = workerData;
  const pdfjs = await import(pdfjsUrl);
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    cMapUrl, cMapPacked: true, standardFontDataUrl,
    disableFontFace: true, useSystemFonts: false, isEvalSupported: false, isOffscreenCanvasSupported: false,
    enableXfa: false, stopAtErrors: false, verbosity: 0,
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (error) {
    const name = error && error.name;
    parentPort.postMessage({ error: name === 'PasswordException' ? 'password' : 'invalid', detail: String(error && error.message) });
    return;
  }
  if (doc.numPages > maxPages) {
    parentPort.postMessage({ error: 'pages', pages: doc.numPages });
    await task.destroy();
    return;
  }
  const pages = [];
  let chars = 0;
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent({ includeMarkedContent: false, disableNormalization: false });
    const items = [];
    for (const item of content.items) {
      if (typeof item.str !== 'string' || !item.str.trim() || !Array.isArray(item.transform)) continue;
      const [a, b, c, d, e, f] = item.transform;
      // Horizontal text only: rotated stamps and margin notes are not part of the document's lines.
      if (Math.abs(b) > 0.01 * Math.abs(a) || Math.abs(c) > 0.01 * Math.abs(d) || a <= 0) continue;
      chars += item.str.length;
      items.push({ str: item.str, x: e, y: f, width: item.width, size: Math.abs(d) || item.height });
    }
    pages.push({ items });
    page.cleanup();
    if (chars > maxChars) {
      parentPort.postMessage({ error: 'chars' });
      await task.destroy();
      return;
    }
  }
  parentPort.postMessage({ pages });
  await task.destroy();
})().catch((error) => parentPort.postMessage({ error: 'invalid', detail: String(error && error.message) }));
`;

type WorkerReply =
  | { pages: PageText[] }
  | { error: 'password' | 'invalid' | 'chars'; detail?: string }
  | { error: 'pages'; pages: number };

function isPositioned(value: unknown): value is PositionedText {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.str === 'string' && typeof v.x === 'number' && typeof v.y === 'number' && typeof v.width === 'number' && typeof v.size === 'number';
}

function asReply(message: unknown): WorkerReply {
  if (typeof message !== 'object' || message === null) return { error: 'invalid' };
  const m = message as Record<string, unknown>;
  if (Array.isArray(m.pages)) {
    return { pages: m.pages.map((p: unknown) => ({ items: (typeof p === 'object' && p !== null && Array.isArray((p as { items?: unknown }).items) ? (p as { items: unknown[] }).items : []).filter(isPositioned) })) };
  }
  if (m.error === 'pages') return { error: 'pages', pages: typeof m.pages === 'number' ? m.pages : 0 };
  if (m.error === 'password' || m.error === 'chars') return { error: m.error };
  return { error: 'invalid', detail: typeof m.detail === 'string' ? m.detail : undefined };
}

/** Reads the positioned text of every page in a separate thread with bounded time and memory. */
function extractPages(bytes: Buffer): Promise<WorkerReply> {
  const pdfjsPath = require.resolve('pdfjs-dist/legacy/build/pdf.mjs');
  const root = dirname(require.resolve('pdfjs-dist/package.json'));
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        bytes,
        pdfjsUrl: pathToFileURL(pdfjsPath).href,
        cMapUrl: `${join(root, 'cmaps')}/`,
        standardFontDataUrl: `${join(root, 'standard_fonts')}/`,
        maxPages: PDF_MAX_PAGES,
        maxChars: PDF_MAX_CHARS,
      },
      resourceLimits: { maxOldGenerationSizeMb: PDF_HEAP_MB, maxYoungGenerationSizeMb: 32 },
      stdout: true,
      stderr: true,
    });
    let settled = false;
    const finish = (action: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      action();
      void worker.terminate();
    };
    const timer = setTimeout(
      () => finish(() => reject(new AppError('validation_failed', `Đọc tệp PDF quá ${PDF_TIME_LIMIT_MS / 1000} giây nên đã dừng; tệp có thể bị hỏng hoặc quá phức tạp. Hãy lưu lại tệp (hoặc dùng bản DOCX) rồi thử lại.`))),
      PDF_TIME_LIMIT_MS,
    );
    // pdfjs writes its warnings to the console: drain them, they are not the user's concern.
    worker.stdout.resume();
    worker.stderr.resume();
    worker.on('message', (message: unknown) => finish(() => resolve(asReply(message))));
    worker.on('error', (error: Error & { code?: string }) =>
      finish(() =>
        reject(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new AppError('payload_too_large', 'Tệp PDF cần quá nhiều bộ nhớ để đọc nên đã dừng; hãy lưu lại tệp (hoặc dùng bản DOCX) rồi thử lại.')
            : new AppError('validation_failed', 'Tệp PDF bị hỏng, không đọc được nội dung.'),
        ),
      ),
    );
    worker.on('exit', () => finish(() => reject(new AppError('validation_failed', 'Tệp PDF bị hỏng, không đọc được nội dung.'))));
  });
}

/**
 * Reads a PDF's text layer into the text the importer parses: lines rebuilt from positions, tables as
 * tab-separated rows. Refuses password-protected, corrupt, over-long and scanned (text-less) PDFs.
 */
export async function readPdf(bytes: Buffer): Promise<string> {
  const reply = await extractPages(bytes);
  if ('error' in reply) {
    switch (reply.error) {
      case 'password':
        throw new AppError('validation_failed', 'Tệp PDF được bảo vệ bằng mật khẩu; hãy gỡ mật khẩu (hoặc dùng bản DOCX) rồi tải lên lại.');
      case 'pages':
        throw new AppError('payload_too_large', `Tệp PDF có ${reply.pages} trang, vượt quá giới hạn ${PDF_MAX_PAGES} trang.`);
      case 'chars':
        throw new AppError('payload_too_large', 'Tệp PDF có quá nhiều chữ để nhập một lần.');
      default:
        throw new AppError('validation_failed', 'Tệp PDF bị hỏng hoặc không đúng định dạng, không đọc được nội dung.');
    }
  }
  const text = layoutText(reply.pages);
  if (text.replace(/\s/g, '').length < 20) {
    throw new AppError(
      'validation_failed',
      'Tệp PDF không có lớp chữ (có thể là bản scan/ảnh chụp), cần nhận dạng ký tự (OCR) trước khi nhập; hoặc tải lên bản DOCX hay dán văn bản.',
    );
  }
  return text;
}
