/**
 * Item markers that open a paragraph: "I.", "1.", "2.1.", "a)", "-", "+". Their kind fixes the nesting:
 * a Roman part holds numbered items, which hold lettered items, which hold bullets.
 */
export type MarkerKind = 'roman' | 'number' | 'letter' | 'bullet' | 'subbullet';

export interface Marker {
  kind: MarkerKind;
  /** "II", "2.1", "d", "-". */
  label: string;
  /** Nesting rank: a smaller rank holds a larger one. */
  rank: number;
  /** Length of the marker and the spaces after it. */
  length: number;
}

export function readMarker(text: string): Marker | null {
  let m = /^([IVXLC]+)\.\s+(?=\S)/.exec(text);
  if (m?.[1]) return { kind: 'roman', label: m[1], rank: 0, length: m[0].length };
  m = /^(\d{1,2}(?:\.\d{1,2})*)(?:\.|\))\s+(?=\S)/.exec(text) ?? /^(\d{1,2}(?:\.\d{1,2})+)\s+(?=\p{Lu})/u.exec(text);
  if (m?.[1]) return { kind: 'number', label: m[1], rank: m[1].split('.').length, length: m[0].length };
  m = /^([a-zđ])\)\s+(?=\S)/u.exec(text);
  if (m?.[1]) return { kind: 'letter', label: m[1], rank: 10, length: m[0].length };
  m = /^[-–—•]\s+(?=\S)/.exec(text);
  if (m) return { kind: 'bullet', label: '-', rank: 11, length: m[0].length };
  m = /^\+\s+(?=\S)/.exec(text);
  if (m) return { kind: 'subbullet', label: '+', rank: 12, length: m[0].length };
  return null;
}
