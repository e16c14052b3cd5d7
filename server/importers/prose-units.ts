import { findAssignee, opensWithAssignee } from './assignment-clause.ts';
import { startsWithAnyWord } from './agencies.ts';
import { CONTINUATION_STARTS } from './directive-words.ts';
import type { OutlineNode } from './outline.ts';
import { splitSentences } from './sentences.ts';

/**
 * Cuts an item's text into units that each hold at most one instruction.
 * Running prose (numbered items) splits at sentences; a sentence that opens with "Đồng thời", "Từ đó" …
 * stays with the one before. A bullet or lettered item is one instruction, unless a later sentence opens
 * the way the first did (two bullets run together). Any unit splits at "; Giao …" or "; sở X tham mưu …".
 */
export interface Unit {
  text: string;
  line: number;
}

export interface ItemUnits {
  /** "Về xây dựng Chính quyền số" in "1. Về xây dựng Chính quyền số: …". */
  heading: string | null;
  units: Unit[];
}

/** Splits at ";" (outside brackets) where a new agency is assigned. */
function splitClauses(text: string): string[] {
  const clauses: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === '(') depth += 1;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if (ch === ';' && depth === 0 && opensWithAssignee(text.slice(i + 1).trim())) {
      clauses.push(text.slice(start, i + 1).trim());
      start = i + 1;
    }
  }
  clauses.push(text.slice(start).trim());
  return clauses.filter(Boolean);
}

const firstWords = (text: string, n: number) => text.toLowerCase().split(/\s+/).slice(0, n).join(' ');

function isContinuation(sentence: string): boolean {
  const lower = sentence.toLowerCase();
  return startsWithAnyWord(lower, CONTINUATION_STARTS) !== null && !/:\s*$/.test(sentence) && findAssignee(sentence) === null;
}

export function unitsOf(node: OutlineNode): ItemUnits {
  const asOne = node.kind === 'letter' || node.kind === 'bullet' || node.kind === 'subbullet';
  let heading: string | null = null;
  const units: Unit[] = [];
  node.paragraphs.forEach((paragraph, index) => {
    let text = paragraph.text.trim();
    if (index === 0 && !asOne) {
      const topic = /^(Về\s[^:]{2,150}):\s*/u.exec(text);
      if (topic?.[1]) {
        heading = topic[1].trim();
        text = text.slice(topic[0].length);
      }
    }
    const sentences = splitSentences(text);
    const groups: string[] = [];
    for (const sentence of sentences) {
      const previous = groups.length - 1;
      const joins = asOne
        ? previous >= 0 && firstWords(sentence, 2) !== firstWords(groups[0] ?? '', 2)
        : previous >= 0 && isContinuation(sentence);
      if (joins) groups[previous] = `${groups[previous]} ${sentence}`;
      else groups.push(sentence);
    }
    for (const group of groups) for (const clause of splitClauses(group)) units.push({ text: clause, line: paragraph.startLine });
  });
  return { heading, units };
}
