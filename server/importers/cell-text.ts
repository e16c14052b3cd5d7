import { squeeze } from './normalise.ts';

/**
 * The text of one table cell as a reader sees it: HTML that converters leave in cells (<ul><li>, <i>, <br>)
 * removed, list items kept as "- " items, entities decoded, spaces collapsed.
 */
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

export function cleanCellText(cell: string): string {
  if (!cell.includes('<') && !cell.includes('&')) return squeeze(cell);
  const text = cell
    // A list item becomes "- item" unless the item already starts with a dash.
    .replace(/<li\b[^>]*>(?!\s*[-–•])/gi, ' - ')
    // Inline markup (<i>, <b>, <span> …) wraps words; block markup (<ul>, <p>, <br> …) separates them.
    .replace(/<\/?(?:i|b|em|strong|u|span|sup|sub|font|a)\b[^>]*>/gi, '')
    .replace(/<\/?[a-z][^>]*>/gi, ' ')
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (whole, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
      if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
      return ENTITIES[name.toLowerCase()] ?? whole;
    });
  return squeeze(text);
}
