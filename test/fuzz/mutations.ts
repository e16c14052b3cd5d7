import fc from 'fast-check';

/**
 * Mutations of real documents, as extraction and copy-paste damage them: slices, stray Vietnamese letters,
 * tabs and CRLF, NFD, the characters damaged PDFs put in place of letters (& 2 - ' # ! �), duplicated,
 * dropped and swapped lines. Positions are fractions so one mutation applies to any text.
 */
const DAMAGE = ['&', '2', '-', "'", '#', '!', '\uFFFD', 'ư', 'ơ', 'đ', 'Đ', 'ế', 'ộ', 'ữ', '\u0301', '\u0323', '\t', '\t\t', '\r\n', '\r', '\n\n', '\u00A0', '\u200B', '\uFEFF', ' ', 'I.', '1.', 'a)', '-', '+', '/'];

type TextMutation =
  | { op: 'slice'; from: number; to: number }
  | { op: 'insert'; at: number; text: string }
  | { op: 'damage'; at: number; length: number; by: string }
  | { op: 'duplicate'; line: number; times: number }
  | { op: 'drop'; line: number }
  | { op: 'swap'; a: number; b: number }
  | { op: 'nfd' }
  | { op: 'crlf' };

const frac = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });

const mutation: fc.Arbitrary<TextMutation> = fc.oneof(
  fc.record({ op: fc.constant('slice' as const), from: frac, to: frac }),
  fc.record({ op: fc.constant('insert' as const), at: frac, text: fc.oneof(fc.constantFrom(...DAMAGE), fc.string({ maxLength: 12, unit: 'binary' })) }),
  fc.record({ op: fc.constant('damage' as const), at: frac, length: fc.integer({ min: 1, max: 400 }), by: fc.constantFrom('&', '2', '-', "'", '#', '!', '\uFFFD') }),
  fc.record({ op: fc.constant('duplicate' as const), line: frac, times: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ op: fc.constant('drop' as const), line: frac }),
  fc.record({ op: fc.constant('swap' as const), a: frac, b: frac }),
  fc.constant({ op: 'nfd' as const }),
  fc.constant({ op: 'crlf' as const }),
);

function apply(text: string, m: TextMutation): string {
  const at = (f: number) => Math.floor(f * text.length);
  const lines = () => text.split('\n');
  switch (m.op) {
    case 'slice':
      return text.slice(Math.min(at(m.from), at(m.to)), Math.max(at(m.from), at(m.to)) + 1);
    case 'insert':
      return text.slice(0, at(m.at)) + m.text + text.slice(at(m.at));
    case 'damage': {
      // Every Vietnamese letter with a diacritic in the span is replaced, as a broken font extraction does.
      const start = at(m.at);
      const span = text.slice(start, start + m.length).replace(/[^\p{ASCII}\s]/gu, m.by);
      return text.slice(0, start) + span + text.slice(start + m.length);
    }
    case 'duplicate': {
      const all = lines();
      const i = Math.floor(m.line * all.length);
      all.splice(i, 0, ...Array<string>(m.times).fill(all[i] ?? ''));
      return all.join('\n');
    }
    case 'drop': {
      const all = lines();
      all.splice(Math.floor(m.line * all.length), 1);
      return all.join('\n');
    }
    case 'swap': {
      const all = lines();
      const [i, j] = [Math.floor(m.a * all.length), Math.floor(m.b * all.length)];
      [all[i], all[j]] = [all[j] ?? '', all[i] ?? ''];
      return all.join('\n');
    }
    case 'nfd':
      return text.normalize('NFD');
    case 'crlf':
      return text.replace(/\n/g, '\r\n');
  }
}

/** A seed text with a few mutations applied in order. */
export function mutatedText(seeds: string[]): fc.Arbitrary<string> {
  return fc.tuple(fc.constantFrom(...seeds), fc.array(mutation, { minLength: 1, maxLength: 6 })).map(([seed, ms]) => ms.reduce(apply, seed));
}

/** Byte-level damage to a file: flipped bytes, a cut, a spliced run, as a broken download or disk does. */
export function mutatedBytes(files: Buffer[]): fc.Arbitrary<Buffer> {
  const op = fc.oneof(
    fc.record({ op: fc.constant('flip' as const), at: frac, value: fc.integer({ min: 0, max: 255 }) }),
    fc.record({ op: fc.constant('cut' as const), at: frac }),
    fc.record({ op: fc.constant('splice' as const), at: frac, bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }) }),
    fc.record({ op: fc.constant('zero' as const), at: frac, length: fc.integer({ min: 1, max: 2000 }) }),
  );
  return fc.tuple(fc.constantFrom(...files), fc.array(op, { minLength: 1, maxLength: 4 })).map(([file, ops]) =>
    ops.reduce((bytes, o) => {
      const at = Math.floor(o.at * bytes.length);
      switch (o.op) {
        case 'flip': {
          const copy = Buffer.from(bytes);
          if (at < copy.length) copy[at] = o.value;
          return copy;
        }
        case 'cut':
          return bytes.subarray(0, at);
        case 'splice':
          return Buffer.concat([bytes.subarray(0, at), Buffer.from(o.bytes), bytes.subarray(at)]);
        case 'zero':
          return Buffer.concat([bytes.subarray(0, at), Buffer.alloc(Math.min(o.length, bytes.length - at)), bytes.subarray(at + o.length)]);
      }
    }, file),
  );
}
