import fc from 'fast-check';

/** Hostile and unusual inputs shared by the API fuzz tests. */

/** Strings that have broken parsers before: dates that do not exist, NFD text, NUL, lone surrogates, SQL, long runs. */
export const ODD_STRINGS = [
  '',
  ' ',
  '2025-02-30',
  '2025-13',
  '2025-00',
  '2025-1',
  '0000-00-00',
  '9999-12-31',
  '2025-02-28',
  '2025-06',
  '2025-Q5',
  '20250101',
  'Sở Y tế',
  'So\u0309 Y te\u0302\u0301',
  '\u0000',
  'a\u0000b',
  '\uFFFD\uFFFD',
  '\uD800',
  '\u202Eabc',
  '😀🇻🇳',
  "' OR 1=1 --",
  '%_\\',
  '<script>alert(1)</script>',
  'true',
  'null',
  '-0',
  'NaN',
  'Infinity',
  '1e400',
  '9007199254740993',
  '99999999999999999999',
  'x'.repeat(5000),
] as const;

export function oddString(): fc.Arbitrary<string> {
  return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...ODD_STRINGS) }, { weight: 1, arbitrary: fc.string({ maxLength: 40, unit: 'binary' }) });
}

/** A JSON value of the wrong type for most fields. */
export function wrongValue(): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constantFrom<unknown>(null, true, false, 0, -1, 1.5, 1e308, -2_147_483_649, 2 ** 53 + 2, [], {}, [1, 2], { nested: { deep: [null] } }),
    oddString(),
    fc.jsonValue({ maxDepth: 3 }),
  );
}

/** encodeURIComponent, with lone surrogates (which have no UTF-8 form, so cannot be in a URL) made U+FFFD. */
export function encode(value: string): string {
  return encodeURIComponent(value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'));
}

/** Path parameter values: ids that exist, ids that cannot, and strings no router should choke on. */
export const ODD_IDS = ['0', '-1', '1.5', '1e3', '0x10', ' 1', '9007199254740993', '99999999999999999999', '2147483648', 'abc', 'ñ', 'Sở', 'null', 'undefined', '[]', '{}'] as const;

/** A path segment, already URL-encoded (some on purpose not validly). */
export function pathSegment(schemaValue: fc.Arbitrary<unknown>): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: 1, max: 40 }).map(String) },
    { weight: 2, arbitrary: schemaValue.map((v) => encode(typeof v === 'string' ? v : (JSON.stringify(v) ?? ''))) },
    { weight: 2, arbitrary: fc.constantFrom(...ODD_IDS).map(encode) },
    { weight: 1, arbitrary: fc.string({ maxLength: 30, unit: 'binary' }).map(encode) },
    // Raw: broken percent escapes, an encoded NUL and slash, a very long segment.
    { weight: 1, arbitrary: fc.constantFrom('%', '%E0%A4%A', '%00', '1%00', '%2F', '..', '%FF%FE', 'x'.repeat(10_000)) },
  );
}

/** One query string: the schema's keys with plausible or odd values, stray keys, repeated keys. */
export function queryString(entries: fc.Arbitrary<[string, unknown][]>, hostile: boolean): fc.Arbitrary<string> {
  const stray = hostile
    ? fc.array(fc.tuple(fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('page', 'q', 'id', '__proto__', 'constructor', 'a[b]', 'a[]')), oddString()), { maxLength: 3 })
    : fc.constant<[string, string][]>([]);
  return fc.tuple(entries, stray, hostile ? fc.boolean() : fc.constant(false)).map(([known, extra, raw]) => {
    const parts: string[] = [];
    for (const [k, v] of [...known, ...extra]) {
      if (v === undefined) continue;
      const values = Array.isArray(v) ? v : [v];
      for (const one of values) parts.push(`${encode(k)}=${encode(typeof one === 'string' ? one : (JSON.stringify(one) ?? ''))}`);
    }
    if (raw) parts.push('%=%', 'page=%ZZ', '&&');
    return parts.join('&');
  });
}

export interface Payload {
  contentType?: string;
  body?: string | Buffer;
}

const MALFORMED = ['{"name": "Sở', '{', '[', '', 'null', '"text"', '{"a":1,}', '\uFEFF{}', "{'a':1}", '{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{"x":1}}}', '{"id":9007199254740993,"orgId":99999999999999999999,"progress":1e400}', '['.repeat(5000) + ']'.repeat(5000)];

/** Malformed JSON, the right JSON under the wrong type, and odd content types. */
export function oddPayload(json: fc.Arbitrary<unknown>): fc.Arbitrary<Payload> {
  return fc.oneof(
    fc.constantFrom(...MALFORMED).map((body) => ({ contentType: 'application/json', body })),
    fc.tuple(json, fc.constantFrom('text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'application/json; charset=latin1', 'application/octet-stream', 'multipart/form-data', 'text/html; charset=utf-8', ''))
      .map(([v, contentType]) => ({ contentType, body: JSON.stringify(v) ?? '' })),
    fc.uint8Array({ maxLength: 200 }).map((b) => ({ contentType: 'application/json', body: Buffer.from(b) })),
  );
}

/** File content for uploads: random bytes, sometimes behind the magic bytes of the formats readers branch on. */
export function fileBytes(): fc.Arbitrary<Buffer> {
  const magic = fc.constantFrom(
    Buffer.alloc(0),
    Buffer.from('PK\u0003\u0004', 'latin1'),
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0]),
    Buffer.from([0x89, 0x50, 0x4e, 0x47]),
    Buffer.from([0xff, 0xd8]),
    Buffer.from('\uFEFF', 'utf8'),
    Buffer.from([0xff, 0xfe]),
    Buffer.from('Giao Sở Y tế chủ trì, hoàn thành trước ngày 30/6/2025.\n', 'utf8'),
  );
  return fc.tuple(magic, fc.uint8Array({ maxLength: 600 })).map(([head, rest]) => Buffer.concat([head, Buffer.from(rest)]));
}

/** A multipart/form-data body with one file part and some text fields. */
export function multipart(): fc.Arbitrary<Payload> {
  const field = fc.tuple(fc.oneof(fc.constantFrom('file', 'directiveId', 'assignmentId', 'name', 'kind', 'periodId'), fc.string({ maxLength: 10 })), oddString());
  return fc
    .record({
      file: fileBytes(),
      filename: fc.oneof(fc.constantFrom('van-ban.docx', 'ke-hoach.pdf', 'mau.xlsx', 'a.txt', 'tệp có dấu.docx', '../../etc/passwd', ''), fc.string({ maxLength: 20 })),
      fileField: fc.constantFrom('file', 'tep', ''),
      mime: fc.constantFrom('application/octet-stream', 'application/pdf', 'text/plain', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'),
      fields: fc.array(field, { maxLength: 3 }),
      truncate: fc.boolean(),
    })
    .map(({ file, filename, fileField, mime, fields, truncate }) => {
      const boundary = 'fuzzboundary7MA4YWxk';
      const chunks: Buffer[] = [];
      for (const [name, value] of fields) {
        chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name.replace(/["\r\n]/g, '')}"\r\n\r\n${value}\r\n`));
      }
      chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${fileField}"; filename="${filename.replace(/["\r\n]/g, '')}"\r\nContent-Type: ${mime}\r\n\r\n`), file, Buffer.from('\r\n'));
      // A body cut before its closing boundary is a client that hung up mid-upload.
      if (!truncate) chunks.push(Buffer.from(`--${boundary}--\r\n`));
      return { contentType: `multipart/form-data; boundary=${boundary}`, body: Buffer.concat(chunks) };
    });
}
