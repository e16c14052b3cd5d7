import { AppError } from '../../errors.ts';

/** Limits that keep a hostile DOCX (zip bomb, thousands of parts) from exhausting memory before it is read. */
export const ZIP_LIMITS = { maxEntries: 2000, maxUncompressedBytes: 200 * 1024 * 1024, maxRatio: 200 } as const;

/**
 * Reads a ZIP's central directory (no decompression) and refuses archives whose declared sizes are
 * absurd. Throws a Vietnamese AppError; returns the entry names when the archive looks sane.
 */
export function inspectZip(bytes: Buffer): string[] {
  const eocd = findEndOfCentralDirectory(bytes);
  if (eocd < 0) throw new AppError('validation_failed', 'Tệp DOCX bị hỏng (không đọc được cấu trúc ZIP).');
  const entries = bytes.readUInt16LE(eocd + 10);
  const cdSize = bytes.readUInt32LE(eocd + 12);
  const cdOffset = bytes.readUInt32LE(eocd + 16);
  if (entries > ZIP_LIMITS.maxEntries) throw new AppError('validation_failed', 'Tệp DOCX có quá nhiều thành phần; từ chối để bảo vệ hệ thống.');
  if (cdOffset + cdSize > bytes.length) throw new AppError('validation_failed', 'Tệp DOCX bị hỏng (mục lục ZIP vượt quá kích thước tệp).');
  const names: string[] = [];
  let total = 0;
  let p = cdOffset;
  for (let i = 0; i < entries; i++) {
    if (p + 46 > bytes.length || bytes.readUInt32LE(p) !== 0x02014b50) throw new AppError('validation_failed', 'Tệp DOCX bị hỏng (mục lục ZIP không hợp lệ).');
    const flags = bytes.readUInt16LE(p + 8);
    const compressed = bytes.readUInt32LE(p + 20);
    const uncompressed = bytes.readUInt32LE(p + 24);
    const nameLength = bytes.readUInt16LE(p + 28);
    const extraLength = bytes.readUInt16LE(p + 30);
    const commentLength = bytes.readUInt16LE(p + 32);
    if (flags & 0x1) throw new AppError('validation_failed', 'Tệp DOCX được bảo vệ bằng mật khẩu; hãy gỡ mật khẩu rồi tải lại.');
    if (uncompressed === 0xffffffff || compressed === 0xffffffff) throw new AppError('validation_failed', 'Tệp DOCX quá lớn (ZIP64) để nhập.');
    total += uncompressed;
    if (total > ZIP_LIMITS.maxUncompressedBytes || (compressed > 0 && uncompressed / compressed > ZIP_LIMITS.maxRatio && uncompressed > 10 * 1024 * 1024)) {
      throw new AppError('validation_failed', 'Tệp DOCX giải nén quá lớn (nghi là "zip bomb"); từ chối để bảo vệ hệ thống.');
    }
    names.push(bytes.toString('utf8', p + 46, p + 46 + nameLength));
    p += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

function findEndOfCentralDirectory(bytes: Buffer): number {
  const min = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= min; i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) return i;
  }
  return -1;
}
