import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { isUuid } from '../values/ids';
import { isIsoInstant } from '../values/instant';
import { isMaskedPan, isPlainFullPan } from '../values/pan';
import { TerminalEvent, TerminalEventType, TERMINAL_EVENT_TYPES } from './terminal-event';
import { SchemaNode, TERMINAL_EVENT_SCHEMAS } from './terminal-event.schema';

/** A field (path inside the event) and what is wrong with it, in plain language. */
export interface FieldProblem {
  readonly path: readonly (string | number)[];
  readonly problem: string;
}

// Each type's schema is compiled once: by the apps that check events at their start (compileTerminalEventValidators),
// else at its first check; not when this module loads, since every process, thread and CLI command loads the domain
// and compiling all 26 schemas takes about 200 ms. Every later check is a call of generated code. allErrors lists
// every field's problem; verbose gives each error its schema node, where the plain message is.
const ajv = new Ajv({ allErrors: true, verbose: true, strict: true });
ajv.addKeyword({ keyword: 'x-error', schemaType: ['string', 'object'] });
ajv.addFormat('uuid', isUuid);
ajv.addFormat('date-time', isIsoInstant);
ajv.addFormat('masked-pan', (s: string) => isMaskedPan(s) || isPlainFullPan(s));

const EVENT_TYPES: ReadonlySet<string> = new Set(TERMINAL_EVENT_TYPES);
const VALIDATORS = new Map<TerminalEventType, ValidateFunction>();

function validatorOf(type: TerminalEventType): ValidateFunction {
  let validate = VALIDATORS.get(type);
  if (!validate) {
    validate = ajv.compile(TERMINAL_EVENT_SCHEMAS[type]);
    VALIDATORS.set(type, validate);
  }
  return validate;
}

/** Compiles every type's schema now: ingest and the ledger call it as they start, so no batch waits on a compile. */
export function compileTerminalEventValidators(): void {
  for (const type of TERMINAL_EVENT_TYPES) validatorOf(type);
}

export function isEventType(value: unknown): value is TerminalEventType {
  return typeof value === 'string' && EVENT_TYPES.has(value);
}

function messageOf(error: ErrorObject): string {
  const schema: SchemaNode = error.parentSchema ?? {};
  const message = schema['x-error'];
  if (typeof message === 'string') return message;
  if (typeof message === 'object' && message !== null) {
    const byKeyword = Object.entries(message).find(([keyword]) => keyword === error.keyword);
    if (byKeyword && typeof byKeyword[1] === 'string') return byKeyword[1];
  }
  return `must match the schema (${error.keyword})`;
}

/** `/payload/totals/0/amountMinor` -> `['payload', 'totals', 0, 'amountMinor']` (indices where the data is an array). */
function pathOf(pointer: string, data: unknown): (string | number)[] {
  const path: (string | number)[] = [];
  let at = data;
  for (const raw of pointer === '' ? [] : pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const step = Array.isArray(at) ? Number(key) : key;
    path.push(step);
    at = typeof at === 'object' && at !== null ? (at as Record<string | number, unknown>)[step] : undefined;
  }
  return path;
}

function problemOf(error: ErrorObject, data: unknown): FieldProblem {
  const path = pathOf(error.instancePath, data);
  if (error.keyword === 'required') return { path: [...path, String(error.params.missingProperty)], problem: 'is required' };
  if (error.keyword === 'additionalProperties') return { path: [...path, String(error.params.additionalProperty)], problem: 'is not an accepted field' };
  return { path, problem: messageOf(error) };
}

/** Where a field stands in its schema: problems are listed in the schema's field order, unknown fields after. */
function orderOf(path: readonly (string | number)[], schema: SchemaNode): number[] {
  const order: number[] = [];
  let at: SchemaNode | undefined = schema;
  for (const step of path) {
    if (typeof step === 'number') {
      order.push(step);
      at = at?.items as SchemaNode | undefined;
      continue;
    }
    const keys = Object.keys((at?.properties as Record<string, SchemaNode> | undefined) ?? {});
    const index = keys.indexOf(step);
    order.push(index === -1 ? Number.MAX_SAFE_INTEGER : index);
    at = index === -1 ? undefined : (at?.properties as Record<string, SchemaNode>)[step];
  }
  return order;
}

function compareOrders(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

/**
 * Checks an event object of a known type against its compiled schema: the event as its type says, or every
 * problem found (in schema order).
 */
export function validateTerminalEvent(type: TerminalEventType, raw: unknown): { event: TerminalEvent } | { problems: FieldProblem[] } {
  if (!EVENT_TYPES.has(type)) throw new RangeError(`no schema for ${type}`);
  const validate = validatorOf(type);
  if (validate(raw)) return { event: raw as TerminalEvent };
  const schema = TERMINAL_EVENT_SCHEMAS[type];
  const problems = (validate.errors ?? []).map((error) => problemOf(error, raw));
  const ordered = problems.map((problem) => ({ problem, order: orderOf(problem.path, schema) })).sort((a, b) => compareOrders(a.order, b.order));
  return { problems: ordered.map(({ problem }) => problem) };
}
