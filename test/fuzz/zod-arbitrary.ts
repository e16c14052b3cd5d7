import fc from 'fast-check';
import { oddString, wrongValue } from './inputs.ts';

/**
 * fast-check values shaped by a route's zod schema (zod 4's `_zod.def`), read structurally so a new field
 * or a new route is fuzzed without editing the tests. `validish` aims at values the schema accepts, to reach
 * the services; `mutated` keeps the real field names but gives some of them the wrong type.
 */
interface Def {
  type: string;
  [key: string]: unknown;
}
interface Check {
  check?: string;
  value?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  format?: unknown;
  pattern?: unknown;
}

const MAX_DEPTH = 5;

export function defOf(schema: unknown): Def | null {
  if (typeof schema !== 'object' || schema === null || !('_zod' in schema)) return null;
  const def = (schema as { _zod: { def?: unknown } })._zod.def;
  return typeof def === 'object' && def !== null && typeof (def as { type?: unknown }).type === 'string' ? (def as Def) : null;
}

function checksOf(def: Def): Check[] {
  const checks = Array.isArray(def.checks) ? (def.checks as unknown[]) : [];
  return checks.map((c) => defOf(c) ?? (c as { _zod?: { def?: Check } })._zod?.def ?? {}) as Check[];
}

const num = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);

/** The object shape behind optional/default/pipe wrappers, if the schema is an object at all. */
export function shapeOf(schema: unknown): Record<string, unknown> | null {
  const def = defOf(schema);
  if (!def) return null;
  if (def.type === 'object' && typeof def.shape === 'object' && def.shape !== null) return def.shape as Record<string, unknown>;
  for (const inner of [def.innerType, def.in, def.left]) if (inner) return shapeOf(inner);
  return null;
}

const isoDay = fc.date({ min: new Date('2020-01-01'), max: new Date('2031-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
/** Text a Vietnamese user would type: dates, periods (month, quarter, half-year), names, links, id lists. */
const SAMPLES = ['2025-05', '2025-Q2', '2025-H1', '2025-05-31', '2025-02-28', 'Sở Y tế', 'Sở Khoa học và Công nghệ', 'Kế hoạch thực hiện', 'Đã hoàn thành 50%', 'direction', 'vi', 'https://example.vn/van-ban/1', '726/KH-UBND', 'I', '1.2', '1,2'];
const realistic: fc.Arbitrary<string> = fc.oneof(
  isoDay,
  isoDay.map((d) => d.slice(0, 7)),
  fc.tuple(fc.integer({ min: 2020, max: 2031 }), fc.constantFrom('Q1', 'Q2', 'Q3', 'Q4', 'H1', 'H2')).map(([y, p]) => `${y}-${p}`),
  fc.constantFrom(...SAMPLES),
  fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 4 }).map((ids) => ids.join(',')),
);

/** Date fields are refinements zod cannot describe structurally: known by their description or their name. */
const looksLikeDate = (description: string | undefined, key: string | undefined) => description?.includes('yyyy-mm-dd') || /(On|Date|^date)$/.test(key ?? '');

function stringArb(def: Def, description: string | undefined, key: string | undefined): fc.Arbitrary<string> {
  const checks = checksOf(def);
  const max = Math.min(num(checks.find((c) => c.check === 'max_length')?.maximum, 60), 60);
  const min = Math.min(num(checks.find((c) => c.check === 'min_length')?.minimum, 0), max);
  const format = checks.find((c) => c.check === 'string_format') ?? (def.check === 'string_format' ? (def as Check) : undefined);
  if (format?.format === 'email') return fc.oneof(fc.constantFrom('syt@example.vn', 'nguyen.van.a@haiduong.gov.vn'), fc.emailAddress());
  if (format?.format === 'datetime') return fc.date({ min: new Date('2020-01-01'), max: new Date('2031-12-31'), noInvalidDate: true }).map((d) => d.toISOString());
  if (format?.format === 'date') return isoDay;
  if (format?.format === 'url') return fc.oneof(fc.webUrl(), oddString());
  if (format?.pattern instanceof RegExp && format.format === 'regex') {
    const pattern = format.pattern;
    const matching = SAMPLES.filter((s) => pattern.test(s));
    return fc.oneof(...(matching.length ? [fc.constantFrom(...matching)] : []), fc.stringMatching(pattern), fc.stringMatching(pattern), fc.stringMatching(pattern), oddString());
  }
  if (looksLikeDate(description, key)) return fc.oneof({ weight: 5, arbitrary: isoDay }, { weight: 1, arbitrary: oddString() });
  return fc.oneof(
    { weight: 2, arbitrary: fc.string({ minLength: Math.max(min, 1), maxLength: Math.max(max, 1), unit: 'grapheme' }) },
    // Many text fields are dates, periods or names: real ones reach the services.
    { weight: 4, arbitrary: realistic },
    { weight: 1, arbitrary: oddString() },
  );
}

function numberArb(def: Def): fc.Arbitrary<number> {
  const checks = checksOf(def);
  const low = checks.find((c) => c.check === 'greater_than');
  const high = checks.find((c) => c.check === 'less_than');
  const isInt = checks.some((c) => c.check === 'number_format' && typeof c.format === 'string' && c.format.includes('int'));
  const min = Math.max(num(low?.value, -1000), -1_000_000_000);
  const max = Math.min(num(high?.value, 1000), 1_000_000_000);
  const inRange = isInt ? fc.integer({ min: Math.ceil(Math.min(min, max)), max: Math.floor(Math.max(min, max)) }) : fc.double({ min: Math.min(min, max), max: Math.max(min, max), noNaN: true });
  // Small positive integers are ids that exist in the seeded database.
  const [idMin, idMax] = [Math.max(1, Math.ceil(min)), Math.min(40, Math.floor(max))];
  if (idMin > idMax) return inRange;
  // The first few rows of each table are the fixture's (its plan, tasks, assignments, reports, requests).
  const firstRows = fc.integer({ min: idMin, max: Math.min(idMin + 3, idMax) });
  return fc.oneof({ weight: 1, arbitrary: inRange }, { weight: 2, arbitrary: fc.integer({ min: idMin, max: idMax }) }, { weight: 3, arbitrary: firstRows });
}

/** A value the schema is meant to accept (mostly; refinements are not solved). */
export function validish(schema: unknown, depth = 0, key?: string): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  if (!def || depth > MAX_DEPTH) return fc.jsonValue({ maxDepth: 2 });
  const inner = (s: unknown) => validish(s, depth + 1, key);
  switch (def.type) {
    case 'string':
      return stringArb(def, (schema as { description?: string }).description, key);
    case 'number':
    case 'int':
      return numberArb(def);
    case 'bigint':
      return fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }).map(String);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'undefined':
    case 'void':
      return fc.constant(undefined);
    case 'date':
      return fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, unknown>));
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'optional':
      return fc.option(inner(def.innerType), { nil: undefined, freq: 4 });
    case 'nullable':
      return fc.option(inner(def.innerType), { nil: null, freq: 4 });
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return fc.option(inner(def.innerType), { nil: undefined, freq: 4 });
    case 'pipe':
      return inner(def.in);
    case 'lazy':
      return typeof def.getter === 'function' ? inner((def.getter as () => unknown)()) : fc.jsonValue({ maxDepth: 2 });
    case 'array':
      return fc.array(inner(def.element), { maxLength: 4 });
    case 'tuple':
      return fc.tuple(...(def.items as unknown[]).map(inner));
    case 'union':
      return fc.oneof(...(def.options as unknown[]).map(inner));
    case 'intersection':
      return inner(def.left);
    case 'record':
      return fc.dictionary(fc.string({ maxLength: 12 }), inner(def.valueType), { maxKeys: 4 });
    case 'object': {
      const shape = def.shape as Record<string, unknown>;
      return fc.record(Object.fromEntries(Object.entries(shape).map(([k, s]) => [k, validish(s, depth + 1, k)])));
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** The schema's real field names, each either a plausible value, a wrong one or absent. */
export function mutated(schema: unknown): fc.Arbitrary<unknown> {
  const shape = shapeOf(schema);
  if (!shape) return fc.oneof(validish(schema), wrongValue());
  const fields = Object.entries(shape).map(([k, s]) => [k, fc.oneof({ weight: 3, arbitrary: validish(s, 1, k) }, { weight: 2, arbitrary: wrongValue() }, { weight: 1, arbitrary: fc.constant(undefined) })] as const);
  return fc.record(Object.fromEntries(fields));
}

/** Field names of a schema's object shape, for query strings and stray keys. */
export function fieldNames(schema: unknown): string[] {
  return Object.keys(shapeOf(schema) ?? {});
}
