/**
 * Turns the simple HTML mammoth makes of a DOCX into the text layout the importer reads: one paragraph
 * per line, table rows as tab-separated cells, list items inside a cell as "- item". No dependency: mammoth
 * only emits a handful of tags.
 */
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e.startsWith('#x') || e.startsWith('#X')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(Number(e.slice(1)));
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

export function htmlToText(html: string): string {
  const out: string[] = [];
  let line = '';
  let row: string[] | null = null;
  let cell: string[] | null = null;
  let inItem = false;
  const flush = () => {
    const t = line.replace(/[ \t]+/g, ' ').trim();
    if (cell) {
      if (t) cell.push(inItem ? `- ${t}` : t);
    } else if (t) out.push(t);
    line = '';
  };
  for (const token of html.split(/(<[^>]+>)/)) {
    if (!token.startsWith('<')) {
      line += decode(token);
      continue;
    }
    const m = /^<\s*(\/?)\s*([a-z0-9]+)/i.exec(token);
    if (!m) continue;
    const closing = m[1] === '/';
    const tag = (m[2] ?? '').toLowerCase();
    if (['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'br'].includes(tag)) flush();
    else if (tag === 'li') {
      flush();
      inItem = !closing;
    } else if (tag === 'tr') {
      flush();
      if (closing && row) {
        if (row.some((c) => c.length > 0)) out.push(row.join('\t'));
        row = null;
      } else if (!closing) row = [];
    } else if (tag === 'td' || tag === 'th') {
      flush();
      if (closing && cell) {
        row?.push(cell.join(' ').replace(/\t/g, ' '));
        cell = null;
      } else if (!closing) cell = [];
    } else if (tag === 'table' && closing) {
      flush();
      out.push('');
    }
  }
  flush();
  return out.join('\n');
}
