import { describe, expect, it } from 'vitest';
import { AppError } from '../server/errors.ts';
import { PDF_MAX_PAGES } from '../server/imports/readers/pdf.ts';
import { readDocument } from '../server/imports/readers/index.ts';
import { docxNested, pdfWithPages } from './helpers/hostile-files.ts';

// Hostile uploads of issue 7 not covered by imports.test.ts (zip bomb, a file over the size limit) and
// pdf-import.test.ts (corrupt, locked, scanned): refused with a Vietnamese message, the process unharmed.
async function outcome(bytes: Buffer, name: string): Promise<{ text: string } | AppError> {
  try {
    return { text: (await readDocument(bytes, name)).text };
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
}

describe('hostile uploads', () => {
  it('refuses a PDF of 5,000 pages by its page count, before reading any page', async () => {
    const result = await outcome(pdfWithPages(5_000), 'nam-nghin-trang.pdf');
    expect(result).toBeInstanceOf(AppError);
    expect((result as AppError).code).toBe('payload_too_large');
    expect((result as AppError).message).toBe(`Tệp PDF có 5000 trang, vượt quá giới hạn ${PDF_MAX_PAGES} trang.`);
  });

  it('reads a DOCX nested three tables deep, and refuses one nested 2,000 deep with a Vietnamese message', async () => {
    const shallow = await outcome(docxNested(3, 'Giao Sở Y tế chủ trì'), 'bang-long-nhau.docx');
    expect(shallow).not.toBeInstanceOf(AppError);
    expect((shallow as { text: string }).text).toContain('Giao Sở Y tế chủ trì');

    const deep = await outcome(docxNested(2_000, 'Giao Sở Y tế chủ trì'), 'bang-long-nhau.docx');
    expect(deep).toBeInstanceOf(AppError);
    expect((deep as AppError).code).toBe('validation_failed');
    expect((deep as AppError).message).toMatch(/DOCX/);
    // The reader is still fine afterwards.
    const after = await outcome(docxNested(2, 'Giao Sở Nội vụ chủ trì'), 'sau.docx');
    expect((after as { text: string }).text).toContain('Giao Sở Nội vụ chủ trì');
  });
});
