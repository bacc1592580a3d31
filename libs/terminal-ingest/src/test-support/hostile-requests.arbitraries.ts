// Hostile requests to POST /v1/terminal-events, each with what the contract says the answer must be. Bodies that
// should reach validation are signed with the terminal's real secret at the instant they are sent.
import { isPlainFullPan, TERMINAL_EVENT_SCHEMAS, TERMINAL_EVENT_TYPES, type SchemaNode, type TerminalEventType } from '@posledger/domain';
import fc from 'fast-check';
import { INGEST_BODY_LIMIT_BYTES } from '../ingest-body-limit';
import { signedHeaders, TERMINAL_ID, type InjectedRequest } from './ingest-under-test';
import { badSignature, badTimestamp, hostileHeaderValue, hostileKey, hostileValue, OUT_OF_BOUNDS, panText } from './hostile-values.arbitraries';
import { validEvent, type EventIds } from './valid-terminal-events';

export interface Expected {
  /** The statuses the answer may have; empty: any status below 500. */
  readonly statuses: readonly number[];
  /** A 400 must list this error (the mutated field of the mutated event). */
  readonly names?: { readonly index: number; readonly field: string; readonly cardData?: boolean };
  /** Every error of a 400 must be about this event (the others are valid). */
  readonly onlyIndex?: number;
}

export interface PreparedRequest {
  readonly request: InjectedRequest;
  readonly expected: Expected;
  /** The event ids of the body, to check that a refused batch marked none of them as seen. */
  readonly eventIds: readonly string[];
}

export interface HostileRequest {
  readonly kind: string;
  prepare(secret: string, nowMs: number): PreparedRequest;
}

// How fast-check prints a counterexample: the kind and the generated inputs, cut short (values run to 1 MiB).
function hostile(kind: string, inputs: unknown, prepare: HostileRequest['prepare']): HostileRequest {
  const printed: HostileRequest & fc.WithToStringMethod = { kind, prepare, [fc.toStringMethod]: () => `${kind} ${fc.stringify(inputs).slice(0, 2000)}` };
  return printed;
}

type Path = readonly (string | number)[];
type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

function leafPaths(value: unknown, path: Path = []): Path[] {
  if (Array.isArray(value) && value.length > 0) return value.flatMap((child, i) => leafPaths(child, [...path, i]));
  if (isObject(value) && Object.keys(value).length > 0) return Object.entries(value).flatMap(([key, child]) => leafPaths(child, [...path, key]));
  return [path];
}

const shown = (path: Path): string =>
  path.reduce<string>((acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : acc === '' ? part : `${acc}.${part}`), '');

// defineProperty, so that a key like __proto__ becomes a field of the JSON and not a prototype.
function put(target: unknown, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
}

function parentOf(event: Json, path: Path): Record<string | number, unknown> {
  return path.slice(0, -1).reduce<unknown>((node, part) => (node as Json)[part], event) as Record<string | number, unknown>;
}

const batchPlan = fc.record({
  types: fc.array(fc.constantFrom(...TERMINAL_EVENT_TYPES), { minLength: 1, maxLength: 3 }),
  ids: fc.array(fc.record({ eventId: fc.uuid(), transactionId: fc.uuid() }), { minLength: 3, maxLength: 3 }),
  sequence: fc.integer({ min: 1, max: 100_000 }),
  ageMs: fc.integer({ min: 0, max: 60_000 }),
});
type BatchPlan = { types: TerminalEventType[]; ids: EventIds[]; sequence: number; ageMs: number };

const eventsOf = (plan: BatchPlan, nowMs: number): Json[] => plan.types.map((type, i) => validEvent(type, plan.ids[i], plan.sequence + i, nowMs - plan.ageMs));
const idsOf = (events: readonly Json[]): string[] => events.map((event) => String(event.eventId));

function signedBatch(secret: string, nowMs: number, events: readonly Json[], expected: Expected): PreparedRequest {
  const body = JSON.stringify({ events });
  const tooLarge = Buffer.byteLength(body) > INGEST_BODY_LIMIT_BYTES;
  return { request: { headers: signedHeaders(secret, body, nowMs), payload: body }, expected: tooLarge ? { statuses: [413] } : expected, eventIds: idsOf(events) };
}

// What numeric fields an event has, and which list of refused values applies to each.
function boundedFields(event: Json): [Path, keyof typeof OUT_OF_BOUNDS][] {
  const payload = event.payload as Json;
  const fields: [Path, keyof typeof OUT_OF_BOUNDS][] = [[['sequence'], 'positiveInteger']];
  if ('amountMinor' in payload) fields.push([['payload', 'amountMinor'], 'amount']);
  if ('batchNumber' in payload) fields.push([['payload', 'batchNumber'], 'positiveInteger']);
  (payload.totals as unknown[] | undefined)?.forEach((_line, i) => {
    fields.push([['payload', 'totals', i, 'count'], 'count'], [['payload', 'totals', i, 'amountMinor'], 'total']);
  });
  return fields;
}

/** Whether the protocol's schema requires the field at `path` of an event of `type` (some payload fields are optional). */
function isRequired(type: string, path: Path): boolean {
  let schema: SchemaNode | undefined = TERMINAL_EVENT_SCHEMAS[type as TerminalEventType];
  for (const step of path.slice(0, -1)) {
    schema = typeof step === 'number' ? (schema?.items as SchemaNode | undefined) : (schema?.properties as Record<string, SchemaNode> | undefined)?.[step];
  }
  const required = schema?.required;
  return Array.isArray(required) && required.includes(path[path.length - 1]);
}

const mutation = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('set' as const), pick: fc.nat(), value: hostileValue }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('delete' as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('extra' as const), where: fc.constantFrom('envelope', 'payload', 'line'), key: hostileKey, value: hostileValue }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('pan' as const), pick: fc.nat(), text: panText }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('bound' as const), pick: fc.nat(), valuePick: fc.nat() }) },
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

/** Applies the mutation to `event` and says what the answer must be. */
function mutate(event: Json, index: number, m: Mutation): Expected {
  const leaves = leafPaths(event);
  switch (m.op) {
    case 'set': {
      const path = leaves[m.pick % leaves.length];
      put(parentOf(event, path), path[path.length - 1], m.value);
      return { statuses: [], onlyIndex: index };
    }
    case 'delete': {
      const path = leaves[m.pick % leaves.length];
      const required = isRequired(String(event.type), path);
      delete parentOf(event, path)[path[path.length - 1]];
      if (!required) return { statuses: [202] };
      return { statuses: [400], names: { index, field: shown(path) }, onlyIndex: index };
    }
    case 'extra': {
      const payload = event.payload as Json;
      const lines = payload.totals as Json[] | undefined;
      const target = m.where === 'envelope' ? event : m.where === 'line' && lines?.length ? lines[0] : payload;
      const replaces = Object.prototype.hasOwnProperty.call(target, m.key);
      put(target, m.key, m.value);
      return { statuses: replaces ? [] : [400], onlyIndex: index };
    }
    case 'pan': {
      const path = leaves[m.pick % leaves.length];
      put(parentOf(event, path), path[path.length - 1], m.text);
      const masked = shown(path) === 'payload.maskedPan' && event.type === 'card.inserted' && isPlainFullPan(m.text);
      return masked ? { statuses: [202] } : { statuses: [400], names: { index, field: shown(path), cardData: true }, onlyIndex: index };
    }
    case 'bound': {
      const fields = boundedFields(event);
      const [path, bound] = fields[m.pick % fields.length];
      const values = OUT_OF_BOUNDS[bound];
      put(parentOf(event, path), path[path.length - 1], values[m.valuePick % values.length]);
      return { statuses: [400], names: { index, field: shown(path) }, onlyIndex: index };
    }
  }
}

const mutatedBatch: fc.Arbitrary<HostileRequest> = fc.record({ plan: batchPlan, at: fc.nat(), mutation }).map((inputs) =>
  hostile(`mutated event (${inputs.mutation.op})`, inputs, (secret, nowMs) => {
    const events = eventsOf(inputs.plan, nowMs);
    const index = inputs.at % events.length;
    return signedBatch(secret, nowMs, events, mutate(events[index], index, inputs.mutation));
  }),
);

const randomBody: fc.Arbitrary<HostileRequest> = fc.oneof(fc.json(), fc.string({ unit: 'binary', maxLength: 300 })).map((body) =>
  hostile('random body', body, (secret, nowMs) => ({ request: { headers: signedHeaders(secret, body, nowMs), payload: body }, expected: { statuses: [400] }, eventIds: [] })),
);

const deepNesting: fc.Arbitrary<HostileRequest> = fc
  .record({ plan: batchPlan, depth: fc.integer({ min: 1, max: 300_000 }), where: fc.constantFrom('events', 'payload', 'extra'), nest: fc.constantFrom({ open: '[', close: ']' }, { open: '{"a":', close: '}' }) })
  .map(({ plan, depth, where, nest: { open, close } }) =>
    hostile(`deep nesting (${where})`, { plan, depth, open }, (secret, nowMs) => {
      const deep = `${open.repeat(depth)}1${close.repeat(depth)}`;
      const events = eventsOf(plan, nowMs);
      const body =
        where === 'events'
          ? `{"events":${deep}}`
          : JSON.stringify({ events: [{ ...events[0], ...(where === 'payload' ? { payload: '@deep' } : { deep: '@deep' }) }] }).replace('"@deep"', deep);
      const statuses = Buffer.byteLength(body) > INGEST_BODY_LIMIT_BYTES ? [413] : [400];
      return { request: { headers: signedHeaders(secret, body, nowMs), payload: body }, expected: { statuses }, eventIds: idsOf(events) };
    }),
  );

// Each with the statuses it may get: 401, but 202 for the one id that is the terminal's (an id padded with
// spaces is the terminal's over a socket, where Node trims header values, and not under inject).
const idStatuses = (value: string): number[] => (value === TERMINAL_ID ? [202] : value.trim() === TERMINAL_ID ? [202, 401] : [401]);
const hostileHeader = fc.oneof(
  hostileHeaderValue.map((value) => ({ name: 'x-terminal-id', value: (): string => value, statuses: idStatuses(value) })),
  badTimestamp.map((value) => ({ name: 'x-timestamp', value, statuses: [401] })),
  badSignature.map((value) => ({ name: 'x-signature', value: (): string => value, statuses: [401] })),
  fc.constantFrom('x-terminal-id', 'x-timestamp', 'x-signature').map((name) => ({ name, value: () => undefined, statuses: [401] })),
  fc.constant({ name: 'x-terminal-id', value: (): string[] => [TERMINAL_ID, TERMINAL_ID], statuses: [401] }),
);

const badHeaders: fc.Arbitrary<HostileRequest> = fc.record({ plan: batchPlan, header: hostileHeader, upperCaseSignature: fc.boolean() }).map(({ plan, header, upperCaseSignature }) =>
  hostile(`header ${header.name}`, { plan, header: header.name, value: header.value(0), upperCaseSignature }, (secret, nowMs) => {
    const events = eventsOf(plan, nowMs);
    const prepared = signedBatch(secret, nowMs, events, { statuses: header.statuses });
    const headers: Record<string, string | string[]> = { ...prepared.request.headers };
    // Hex is read without regard to case: an upper-case signature of the right HMAC is the right signature.
    if (upperCaseSignature) headers['x-signature'] = String(headers['x-signature']).toUpperCase();
    const value = header.value(nowMs);
    if (value === undefined) delete headers[header.name];
    else headers[header.name] = value;
    return { ...prepared, request: { ...prepared.request, headers } };
  }),
);

const CONTENT_TYPES = ['application/json', 'application/json; charset=utf-8', 'APPLICATION/JSON', 'application/json;charset=latin1', 'text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonx', 'json', '*/*', ''];

const contentTypes: fc.Arbitrary<HostileRequest> = fc
  .record({ plan: batchPlan, contentType: fc.oneof(fc.constantFrom(...CONTENT_TYPES), fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 60 })) })
  .map((inputs) =>
    hostile('content type', inputs, (secret, nowMs) => {
      const prepared = signedBatch(secret, nowMs, eventsOf(inputs.plan, nowMs), { statuses: [] });
      return { ...prepared, request: { ...prepared.request, headers: { ...prepared.request.headers, 'content-type': inputs.contentType } } };
    }),
  );

const oversize: fc.Arbitrary<HostileRequest> = fc.integer({ min: 1, max: 64 * 1024 }).map((extra) =>
  hostile('oversize body', extra, (secret, nowMs) => {
    const body = `{"events":["${'x'.repeat(INGEST_BODY_LIMIT_BYTES + extra)}"]}`;
    // Refused before the signature is read: no need to compute the HMAC of a megabyte.
    const headers = { ...signedHeaders(secret, '', nowMs), 'x-signature': '0'.repeat(64) };
    return { request: { headers, payload: body }, expected: { statuses: [413] }, eventIds: [] };
  }),
);

const otherRoutes: fc.Arbitrary<HostileRequest> = fc
  .record({
    method: fc.constantFrom('GET', 'PUT', 'POST', 'DELETE', 'PATCH'),
    url: fc.oneof(fc.constantFrom('/', '/v1/terminal-events/', '/v1/terminal-events?card=4111111111111111', '/%', '/v1/%E0%A4%A', '/v1/terminal-events/schema', '//x', '/v1/terminal-events/..%2f'), fc.webPath()),
  })
  // A request target is never empty (the client could not send it); /health and GET of the schema answer 200 by design.
  .filter(({ method, url }) => url.startsWith('/') && !url.startsWith('/health') && !(method === 'GET' && /^\/v1\/terminal-events\/schema(\?|$)/.test(url)))
  .map(({ method, url }) => hostile('other route', { method, url }, () => ({ request: { method, url, headers: {} }, expected: { statuses: [] }, eventIds: [] })));

/** Every kind of hostile request, weighted towards bodies that reach validation. */
export const hostileRequest: fc.Arbitrary<HostileRequest> = fc.oneof(
  { weight: 55, arbitrary: mutatedBatch },
  { weight: 15, arbitrary: badHeaders },
  { weight: 8, arbitrary: randomBody },
  { weight: 8, arbitrary: contentTypes },
  { weight: 4, arbitrary: deepNesting },
  { weight: 6, arbitrary: otherRoutes },
  { weight: 1, arbitrary: oversize },
);

/** A fresh valid batch of one event, signed now: what a healthy terminal sends. */
export function goodBatch(secret: string, nowMs: number, ids: EventIds): PreparedRequest {
  return signedBatch(secret, nowMs, [validEvent('receipt.emailed', ids, 1, nowMs)], { statuses: [202] });
}
