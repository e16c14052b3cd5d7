import mammoth from 'mammoth';
import { AppError } from '../../errors.ts';
import { htmlToText } from './html-to-text.ts';
import { readPdf } from './pdf.ts';
import { inspectZip } from './zip-guard.ts';

/** The largest document accepted for import; refused before it is read. */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;

export type DocumentFormat = 'txt' | 'docx' | 'pdf';

/** Decodes text files: UTF-8 (with or without BOM) or UTF-16 with a BOM; refuses binary content. */
function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    // swap16 needs whole code units: a stray last byte (a cut file) is dropped, as utf16le decoding does.
    const swapped = Buffer.from(bytes.subarray(2, bytes.length - (bytes.length % 2)));
    swapped.swap16();
    return swapped.toString('utf16le');
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  const bad = (text.match(/\uFFFD/g)?.length ?? 0) + text.split('\u0000').length - 1;
  if (bad > Math.max(20, text.length * 0.02)) {
    throw new AppError('unsupported_media_type', 'Tệp không phải văn bản đọc được (có thể là tệp nhị phân hoặc mã hóa khác UTF-8).');
  }
  return text.split('\u0000').join('');
}

function detect(bytes: Buffer, filename: string): DocumentFormat {
  const head = bytes.subarray(0, 8);
  // PDF readers also accept the header after some leading bytes, within the first kilobyte.
  if (head.subarray(0, 5).toString('latin1') === '%PDF-' || (/\.pdf$/i.test(filename) && bytes.subarray(0, 1024).includes('%PDF-', 0, 'latin1'))) return 'pdf';
  // Files of one to three bytes have no magic number to read (readUInt32BE would throw).
  if (head.length >= 4 && head.readUInt32BE(0) === 0xd0cf11e0) {
    throw new AppError('unsupported_media_type', 'Tệp là định dạng Word cũ (.doc) hoặc DOCX có mật khẩu; hãy lưu lại thành .docx không mật khẩu.');
  }
  if (head.length >= 4 && head.readUInt32BE(0) === 0x504b0304) return 'docx';
  if ((head[0] === 0x89 && head.subarray(1, 4).toString('latin1') === 'PNG') || (head[0] === 0xff && head[1] === 0xd8) || head.subarray(0, 4).toString('latin1') === 'GIF8') {
    throw new AppError('unsupported_media_type', 'Tệp là ảnh; hãy tải lên văn bản (DOCX, TXT) thay vì ảnh chụp.');
  }
  if (/\.pdf$/i.test(filename)) throw new AppError('validation_failed', 'Tệp có đuôi .pdf nhưng không phải PDF hợp lệ.');
  if (/\.docx$/i.test(filename)) throw new AppError('validation_failed', 'Tệp có đuôi .docx nhưng không phải DOCX hợp lệ.');
  return 'txt';
}

/** Reads an uploaded document into the plain text the importer parses. Bad files get a clear Vietnamese error. */
export async function readDocument(bytes: Buffer, filename: string): Promise<{ text: string; format: DocumentFormat }> {
  if (bytes.length === 0) throw new AppError('validation_failed', 'Tệp rỗng.');
  if (bytes.length > IMPORT_MAX_BYTES) throw new AppError('payload_too_large', `Tệp vượt quá ${IMPORT_MAX_BYTES / 1024 / 1024} MB.`);
  const format = detect(bytes, filename);
  if (format === 'txt') return { text: decodeText(bytes), format };
  if (format === 'pdf') return { text: await readPdf(bytes), format };
  const names = inspectZip(bytes);
  if (!names.includes('word/document.xml')) throw new AppError('validation_failed', 'Tệp ZIP này không phải văn bản Word (thiếu word/document.xml).');
  try {
    const { value } = await mammoth.convertToHtml({ buffer: bytes });
    return { text: htmlToText(value), format };
  } catch {
    throw new AppError('validation_failed', 'Tệp DOCX bị hỏng, không đọc được nội dung.');
  }
}
