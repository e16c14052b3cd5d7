import { readMarker, type MarkerKind } from './markers.ts';
import type { Paragraph } from './paragraphs.ts';

/**
 * The body as a tree of items: "I." parts hold "1." items, which hold "1.1.", "a)" and "-" items.
 * A paragraph without a marker belongs to the item above it (bullets excepted: a bullet is one paragraph,
 * so what follows it belongs to the item that holds the bullets).
 */
export interface OutlineNode {
  kind: MarkerKind;
  label: string;
  rank: number;
  /** The item's own paragraphs, the first without its marker. */
  paragraphs: Paragraph[];
  children: OutlineNode[];
  parent: OutlineNode | null;
}

export interface Outline {
  /** Paragraphs before the first item: the legal basis and the lead-in ("… kết luận như sau:"). */
  preamble: Paragraph[];
  items: OutlineNode[];
}

const isBullet = (kind: MarkerKind) => kind === 'bullet' || kind === 'subbullet';

export function buildOutline(paragraphs: Paragraph[]): Outline {
  const preamble: Paragraph[] = [];
  const items: OutlineNode[] = [];
  const stack: OutlineNode[] = [];
  for (const paragraph of paragraphs) {
    const marker = readMarker(paragraph.text);
    if (!marker) {
      let holder = stack.length ? stack[stack.length - 1] : undefined;
      while (holder && isBullet(holder.kind)) holder = holder.parent ?? undefined;
      if (holder) holder.paragraphs.push(paragraph);
      else if (stack.length === 0) preamble.push(paragraph);
      continue;
    }
    while (stack.length && (stack[stack.length - 1]?.rank ?? 0) >= marker.rank) stack.pop();
    const parent = stack.length ? (stack[stack.length - 1] ?? null) : null;
    const node: OutlineNode = {
      kind: marker.kind,
      label: marker.label,
      rank: marker.rank,
      paragraphs: [{ ...paragraph, text: paragraph.text.slice(marker.length) }],
      children: [],
      parent,
    };
    if (parent) parent.children.push(node);
    else items.push(node);
    stack.push(node);
  }
  return { preamble, items };
}
