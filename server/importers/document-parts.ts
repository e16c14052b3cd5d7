/**
 * Where the body ends and what follows it: the body closes with "./." (or "Nơi nhận:"), the signature
 * block follows, then the appendices ("Phụ lục I …").
 */
export interface DocumentParts {
  bodyEnd: number;
  appendixStart: number;
}

/** "Phụ lục I", "PHỤ LỤC II" on a line of their own; "Phụ lục II, tổ chức thực hiện …" in a wrapped sentence is not one. */
const isAppendixTitle = (line: string) => line.trim().length <= 40 && !line.includes(',') && /^\s*phụ\s+lục(?![\p{L}])/iu.test(line);
const isRecipients = (line: string) => /^\s*nơi\s+nhận(?![\p{L}])/iu.test(line);

export function findDocumentParts(lines: string[], bodyStart: number): DocumentParts {
  let bodyEnd = lines.length;
  for (let i = bodyStart; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.includes('./.')) {
      bodyEnd = i + 1;
      break;
    }
    if (isRecipients(line) || isAppendixTitle(line)) {
      bodyEnd = i;
      break;
    }
  }
  let appendixStart = lines.length;
  for (let i = bodyEnd; i < lines.length; i++) {
    if (isAppendixTitle(lines[i] ?? '')) {
      appendixStart = i;
      break;
    }
  }
  return { bodyEnd, appendixStart };
}
