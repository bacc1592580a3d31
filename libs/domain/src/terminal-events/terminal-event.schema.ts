import { MAX_AMOUNT_MINOR, MAX_BATCH_NUMBER, MAX_COUNT, MAX_SEQUENCE, MAX_TOTAL_MINOR } from '../values/bounds';
import { knownCurrencies } from '../values/currency';
import { ID_PATTERN } from '../values/ids';
import {
  ENTRY_MODES, isTransactionlessType, NETWORKS, PAYMENT_METHODS, PIN_RESULTS, SETTLED_METHODS, RECEIPT_COPIES, TERMINAL_EVENT_TYPES, TerminalEventType,
} from './terminal-event';

/**
 * The terminal protocol as JSON Schema (draft-07): what ingest compiles and validates with, what the ledger checks
 * again after the transport, and what `GET /v1/terminal-events/schema` serves. Each node that can fail carries
 * `x-error`, the plain-language answer a terminal gets for it (one message, or one per failing keyword).
 * `format`s are the standard names, checked by the domain's own predicates (see terminal-event-validator.ts);
 * `masked-pan` is ours: a masked PAN, or a full one that ingest masks and records that it did.
 */
export type SchemaNode = { readonly [keyword: string]: unknown };

const node = (error: string | Readonly<Record<string, string>>, schema: SchemaNode): SchemaNode => ({ ...schema, 'x-error': error });

const UUID = node('must be a UUID', { type: 'string', format: 'uuid' });
const ID = node('must be an id (1-64 letters, digits, _ . -)', { type: 'string', pattern: ID_PATTERN.source });
const INSTANT = node('must be an ISO-8601 instant with an offset or Z', { type: 'string', format: 'date-time' });

/** Sequences, batch numbers and counts (invariant 8): JSON integers within the shared bounds. */
const integerFrom = (minimum: number, maximum: number): SchemaNode =>
  node(`must be an integer from ${minimum} to ${maximum}`, { type: 'integer', minimum, maximum });

/**
 * Amounts (invariant 8): a decimal string, no sign, point or leading zero, within the shared bounds. The bounds are
 * all nines (10^n - 1), so that a pattern of digits says exactly the range.
 */
function minorUnits(minimum: 0n | 1n, maximum: bigint): SchemaNode {
  const digits = String(maximum).length;
  if (maximum !== 10n ** BigInt(digits) - 1n) throw new RangeError(`an amount bound must be 10^n - 1, got ${maximum}`);
  const pattern = minimum === 0n ? `^(0|[1-9][0-9]{0,${digits - 1}})$` : `^[1-9][0-9]{0,${digits - 1}}$`;
  return node(`must be a decimal string of 1 to ${digits} digits of minor units, from ${minimum} to ${maximum}`, { type: 'string', pattern });
}

// References from hosts and wallets: a conservative alphabet, so nothing invisible, no markup and no line
// break can travel in them to a report, an export or a log.
const reference = (maxLength: number): SchemaNode =>
  node(`must be 1 to ${maxLength} characters, each a letter, a digit or one of - _ . : /`, { type: 'string', maxLength, pattern: '^[A-Za-z0-9._:/-]+$' });

// Free text (a decline reason): letters, marks, digits, punctuation, symbols and spaces of any script, with the
// joiners some scripts need (ZWNJ, ZWJ); no space first or last. No control characters, line breaks, bidi overrides
// or other invisible format characters, private-use, unassigned or lone surrogate code points.
const VISIBLE = '\\p{L}\\p{M}\\p{N}\\p{P}\\p{S}\\u200C\\u200D';
const printableText = (maxLength: number): SchemaNode =>
  node(`must be 1 to ${maxLength} printable characters, without leading or trailing spaces`, {
    type: 'string',
    maxLength,
    pattern: `^[${VISIBLE}](?:[${VISIBLE}\\p{Zs}]*[${VISIBLE}])?$`,
  });

const oneOf = (values: readonly string[]): SchemaNode => node(`must be one of ${values.join(', ')}`, { type: 'string', enum: [...values] });
const CURRENCY = node('must be a known ISO 4217 currency code', { type: 'string', enum: [...knownCurrencies()] });
const METHOD = oneOf(PAYMENT_METHODS);
const SCHEME = node('must be a card scheme such as VISA', { type: 'string', pattern: '^[A-Z][A-Z0-9_]{1,31}$' });
const MASKED_PAN = node('must be a masked PAN (first 6 digits, *, last 4 digits)', { type: 'string', format: 'masked-pan' });
const AMOUNT = minorUnits(1n, MAX_AMOUNT_MINOR);

/** A strict object: every listed field required unless named optional, no other field accepted. */
function object(properties: Readonly<Record<string, SchemaNode>>, optional: readonly string[] = []): SchemaNode {
  return node('must be an object', {
    type: 'object',
    properties,
    required: Object.keys(properties).filter((key) => !optional.includes(key)),
    additionalProperties: false,
  });
}

// Cash is never settled: a batch's totals count only the methods a host settles.
const SETTLED_METHOD = node(`must be one of ${SETTLED_METHODS.join(', ')} (cash is not settled)`, { type: 'string', enum: [...SETTLED_METHODS] });
const TOTALS_LINE = object({ method: SETTLED_METHOD, count: integerFrom(0, MAX_COUNT), amountMinor: minorUnits(0n, MAX_TOTAL_MINOR), currency: CURRENCY });

const CASH = minorUnits(0n, MAX_AMOUNT_MINOR);

const PAYLOADS: Readonly<Record<TerminalEventType, SchemaNode>> = {
  'operator.signed_in': object({ operatorId: ID }),
  'operator.signed_out': object({}),
  'card.inserted': object({ entryMode: oneOf(ENTRY_MODES), maskedPan: MASKED_PAN, scheme: SCHEME }),
  'pin.entered': object({ result: oneOf(PIN_RESULTS) }),
  'payment.method_selected': object({ method: METHOD }),
  'amount.entered': object({ amountMinor: AMOUNT, currency: CURRENCY }),
  'qr.scanned': object({ walletReference: reference(128) }),
  'cash.received': object({ tenderedMinor: AMOUNT, currency: CURRENCY }),
  'tip.entered': object({ tipMinor: AMOUNT, currency: CURRENCY }),
  'authorization.requested': object({}),
  'authorization.approved_offline': object({}),
  'preauthorization.requested': object({}),
  'preauthorization.completed': object({ amountMinor: AMOUNT, currency: CURRENCY }),
  'preauthorization.cancelled': object({}),
  'authorization.approved': object({ authCode: reference(32), hostReference: reference(64) }),
  'authorization.declined': object({ responseCode: reference(16), reason: printableText(256) }),
  'authorization.timed_out': object({}),
  'signature.captured': object({}),
  'receipt.printed': object({ copy: oneOf(RECEIPT_COPIES) }),
  'receipt.emailed': object({}),
  'transaction.voided': object({ originalTransactionId: UUID, supervisorId: ID }, ['supervisorId']),
  'refund.approved': object({ originalTransactionId: UUID, amountMinor: AMOUNT, currency: CURRENCY, supervisorId: ID }, ['supervisorId']),
  'settlement.closed': object({
    batchNumber: integerFrom(1, MAX_BATCH_NUMBER),
    totals: node({ type: 'must be an array', maxItems: 'must have at most 100 lines' }, { type: 'array', maxItems: 100, items: TOTALS_LINE }),
  }),
  'shift.opened': object({ operatorId: ID, openingCashMinor: CASH, currency: CURRENCY }),
  'shift.closed': object({ countedCashMinor: CASH, currency: CURRENCY }),
  'terminal.heartbeat': object(
    {
      appVersion: node('must be a version of 1 to 32 letters, digits, . _ + - (starting with a letter or digit)', { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._+-]{0,31}$' }),
      network: oneOf(NETWORKS),
      signal: integerFrom(0, 100),
      paperLow: node('must be true or false', { type: 'boolean' }),
    },
    ['signal', 'paperLow'],
  ),
};

function eventSchema(type: TerminalEventType): SchemaNode {
  return object(
    {
      eventId: UUID,
      terminalId: ID,
      sequence: integerFrom(1, MAX_SEQUENCE),
      occurredAt: INSTANT,
      transactionId: UUID,
      type: node(`must be ${type}`, { const: type }),
      payload: PAYLOADS[type],
    },
    isTransactionlessType(type) ? ['transactionId'] : [],
  );
}

/** The strict schema of each terminal event type: unknown fields are errors. */
export const TERMINAL_EVENT_SCHEMAS: Readonly<Record<TerminalEventType, SchemaNode>> = Object.fromEntries(
  TERMINAL_EVENT_TYPES.map((type) => [type, eventSchema(type)]),
) as Record<TerminalEventType, SchemaNode>;

export const MAX_EVENTS_PER_BATCH = 500;

/** A request body: `{ "events": [...] }` with 1 to 500 events, each one of the types above (chosen by `type`). */
export const TERMINAL_EVENT_BATCH_SCHEMA: SchemaNode = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'A batch of terminal events (POST /v1/terminal-events)',
  type: 'object',
  properties: {
    events: {
      type: 'array',
      minItems: 1,
      maxItems: MAX_EVENTS_PER_BATCH,
      items: { type: 'object', required: ['type'], properties: { type: { enum: [...TERMINAL_EVENT_TYPES] } }, oneOf: TERMINAL_EVENT_TYPES.map((type) => TERMINAL_EVENT_SCHEMAS[type]) },
    },
  },
  required: ['events'],
  additionalProperties: false,
};
