import fc from 'fast-check';
import { type Payload, encode, multipart, oddPayload, oddString, pathSegment, queryString } from './inputs.ts';
import { mutated, shapeOf, validish } from './zod-arbitrary.ts';
import type { AccountName } from '../helpers/api.ts';

/** A route as the app registered it (collected by an onRoute hook), with its zod schemas. */
export interface FuzzRoute {
  method: string;
  url: string;
  schema: { params?: unknown; querystring?: unknown; body?: unknown };
}

/**
 * Routes left out, and why. HEAD routes are Fastify's automatic copies of the GET routes (same handler,
 * no body), so fuzzing the GET covers them. /api/docs is the Swagger UI: static files and copies of the
 * OpenAPI document, no input. "/" and "/*" (when web/dist is built) serve the single-page app's files.
 */
export function fuzzable(route: FuzzRoute): boolean {
  if (route.method === 'HEAD' || route.method === 'OPTIONS') return false;
  if (route.url === '/api/docs' || route.url.startsWith('/api/docs/')) return false;
  return route.url.startsWith('/api/');
}

export interface FuzzRequest {
  role: AccountName | null;
  csrf: 'ok' | 'missing' | 'wrong';
  bearer: string | null;
  remoteAddress: string;
  method: string;
  url: string;
  payload: Payload;
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function queryEntries(schema: unknown, hostile: boolean): fc.Arbitrary<[string, unknown][]> {
  const shape = shapeOf(schema);
  if (!shape) return fc.constant([]);
  const value = (s: unknown, k: string) =>
    hostile
      ? fc.oneof({ weight: 5, arbitrary: validish(s, 1, k) }, { weight: 2, arbitrary: oddString() }, { weight: 1, arbitrary: fc.array(validish(s, 1, k), { minLength: 2, maxLength: 3 }) }, { weight: 2, arbitrary: fc.constant(undefined) })
      : validish(s, 1, k);
  return fc.record(Object.fromEntries(Object.entries(shape).map(([k, s]) => [k, value(s, k)]))).map((r) => Object.entries(r));
}

function jsonBody(schema: unknown): fc.Arbitrary<unknown> {
  if (!schema) return fc.oneof(fc.constant({}), fc.jsonValue({ maxDepth: 2 }));
  return fc.oneof({ weight: 4, arbitrary: validish(schema) }, { weight: 3, arbitrary: mutated(schema) }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) });
}

function payloadArb(route: FuzzRoute): fc.Arbitrary<Payload> {
  const json = jsonBody(route.schema.body);
  const asJson = json.map((v): Payload => ({ contentType: 'application/json', body: JSON.stringify(v) ?? 'null' }));
  if (!WRITE_METHODS.has(route.method)) return fc.oneof({ weight: 9, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: oddPayload(json) });
  // Every write route also gets uploads: those that take files fuzz their readers, the others must refuse cleanly.
  return fc.oneof({ weight: 6, arbitrary: asJson }, { weight: 2, arbitrary: oddPayload(json) }, { weight: 2, arbitrary: multipart() }, { weight: 1, arbitrary: fc.constant({}) });
}

/** A request aimed at the route's services: real ids, values the schemas accept, a valid session. */
function cleanParts(route: FuzzRoute, names: string[], roles: (AccountName | null)[]) {
  const paramShape = shapeOf(route.schema.params) ?? {};
  const json = route.schema.body ? validish(route.schema.body) : fc.constant({});
  return fc.record({
    role: fc.constantFrom(...roles),
    csrf: fc.constant<FuzzRequest['csrf']>('ok'),
    bearer: fc.constant(null),
    remoteAddress: fc.constant('127.0.0.1'),
    segments: fc.tuple(...names.map((n) => validish(paramShape[n], 0, n).map((v) => encode(typeof v === 'string' ? v : (JSON.stringify(v) ?? ''))))),
    query: queryString(queryEntries(route.schema.querystring, false), false),
    payload: WRITE_METHODS.has(route.method) ? json.map((v): Payload => ({ contentType: 'application/json', body: JSON.stringify(v) ?? 'null' })) : fc.constant<Payload>({}),
  });
}

/** A hostile request: odd ids and query values, broken bodies, uploads, wrong or missing CSRF, stray tokens. */
function hostileParts(route: FuzzRoute, names: string[], roles: (AccountName | null)[]) {
  const paramShape = shapeOf(route.schema.params) ?? {};
  return fc.record({
    role: fc.constantFrom(...roles),
    csrf: fc.constantFrom<FuzzRequest['csrf']>(...Array<FuzzRequest['csrf']>(8).fill('ok'), 'missing', 'wrong'),
    bearer: fc.oneof({ weight: 9, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.oneof(fc.constant('nr_'), fc.string({ maxLength: 60 })) }),
    remoteAddress: fc.constantFrom('127.0.0.1', '::1', '192.0.2.7', '198.51.100.23'),
    segments: fc.tuple(...names.map((n) => pathSegment(validish(paramShape[n], 0, n)))),
    query: queryString(queryEntries(route.schema.querystring, true), true),
    payload: payloadArb(route),
  });
}

export function requestArb(route: FuzzRoute, roles: (AccountName | null)[]): fc.Arbitrary<FuzzRequest> {
  const names = [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1] ?? '');
  return fc.oneof(cleanParts(route, names, roles), hostileParts(route, names, roles)).map(({ segments: values, query, ...rest }) => {
    let i = 0;
    const path = route.url.replace(/:(\w+)/g, () => values[i++] ?? '1');
    const req: FuzzRequest = { ...rest, method: route.method, url: query ? `${path}?${query}` : path };
    // fast-check prints counterexamples with this: short enough to read, long enough to replay by hand.
    return Object.assign(req, { [fc.toStringMethod]: () => describeRequest(req) });
  });
}

export function describeRequest(req: FuzzRequest): string {
  const body = req.payload.body === undefined ? '' : ` ${req.payload.contentType ?? '(no type)'} ${JSON.stringify(String(req.payload.body).slice(0, 200))}`;
  return `${req.method} ${req.url.slice(0, 200)} as ${req.role ?? 'visitor'} (csrf ${req.csrf}, bearer ${JSON.stringify(req.bearer)}, from ${req.remoteAddress})${body}`;
}
