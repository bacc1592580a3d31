import { z } from 'zod';
import { MAX_AMOUNT_MINOR, MAX_BATCH_NUMBER, MAX_COUNT, MAX_SEQUENCE, MAX_TOTAL_MINOR } from '../values/bounds';
import { isKnownCurrency } from '../values/currency';
import { isUuid, ID_PATTERN } from '../values/ids';
import { isIsoInstant } from '../values/instant';
import { isMaskedPan, isPlainFullPan } from '../values/pan';
import {
  ENTRY_MODES, PAYMENT_METHODS, PIN_RESULTS, RECEIPT_COPIES, TerminalEventOf, TerminalEventType,
} from './terminal-event';

// Every leaf schema gives one plain-language message for any wrong value; a missing field is reported
// as "is required" when the issues are collected (see parse-terminal-event-batch.ts).
const saying = (message: string) => ({ errorMap: () => ({ message }) });

const uuid = z.string(saying('must be a UUID')).refine(isUuid, 'must be a UUID');
const id = z.string(saying('must be an id (1-64 letters, digits, _ . -)')).regex(ID_PATTERN);
const instant = z
  .string(saying('must be an ISO-8601 instant with an offset or Z'))
  .refine(isIsoInstant, 'must be an ISO-8601 instant with an offset or Z');

/** Sequences, batch numbers and counts (invariant 8): JSON integers within the shared bounds. */
const integerFrom = (min: number, max: number) => z.number(saying(`must be an integer from ${min} to ${max}`)).int().min(min).max(max);

/** Amounts (invariant 8): a decimal string, no sign, point or leading zero, within the shared bounds. */
function minorUnits(min: bigint, max: bigint) {
  const digits = String(max).length;
  const message = `must be a decimal string of 1 to ${digits} digits of minor units, from ${min} to ${max}`;
  const shape = new RegExp(`^(0|[1-9]\\d{0,${digits - 1}})$`);
  return z.string(saying(message)).refine((s) => shape.test(s) && BigInt(s) >= min && BigInt(s) <= max, message);
}

// References from hosts and wallets: a conservative alphabet, so nothing invisible, no markup and no line
// break can travel in them to a report, an export or a log.
const REFERENCE = /^[A-Za-z0-9._:/-]+$/;
const reference = (max: number) =>
  z.string(saying(`must be 1 to ${max} characters, each a letter, a digit or one of - _ . : /`)).max(max).regex(REFERENCE);

// Free text (a decline reason): letters, marks, digits, punctuation, symbols and spaces of any script, with the
// joiners some scripts need (ZWNJ, ZWJ). No control characters, line breaks, bidi overrides or other invisible
// format characters, private-use, unassigned or lone surrogate code points.
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}\p{Zs}\u200C\u200D]+$/u;
const printableText = (max: number) => {
  const message = `must be 1 to ${max} printable characters, without leading or trailing spaces`;
  return z.string(saying(message)).max(max).refine((s) => PRINTABLE.test(s) && s.trim() === s, message);
};

const currency = z.string(saying('must be a known ISO 4217 currency code')).refine(isKnownCurrency, 'must be a known ISO 4217 currency code');
const oneOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, saying(`must be one of ${values.join(', ')}`));
const method = oneOf(PAYMENT_METHODS);
const scheme = z.string(saying('must be a card scheme such as VISA')).regex(/^[A-Z][A-Z0-9_]{1,31}$/);
// A full Luhn-valid PAN is let through here so that scrubCardData can mask it and record that it did.
const maskedPan = z
  .string(saying('must be a masked PAN (first 6 digits, *, last 4 digits)'))
  .refine((s) => isMaskedPan(s) || isPlainFullPan(s), 'must be a masked PAN (first 6 digits, *, last 4 digits)');
const amount = minorUnits(1n, MAX_AMOUNT_MINOR);

const payloads = {
  'operator.signed_in': { operatorId: id },
  'operator.signed_out': {},
  'card.inserted': { entryMode: oneOf(ENTRY_MODES), maskedPan, scheme },
  'pin.entered': { result: oneOf(PIN_RESULTS) },
  'payment.method_selected': { method },
  'amount.entered': { amountMinor: amount, currency },
  'qr.scanned': { walletReference: reference(128) },
  'authorization.requested': {},
  'authorization.approved': { authCode: reference(32), hostReference: reference(64) },
  'authorization.declined': { responseCode: reference(16), reason: printableText(256) },
  'authorization.timed_out': {},
  'signature.captured': {},
  'receipt.printed': { copy: oneOf(RECEIPT_COPIES) },
  'receipt.emailed': {},
  'transaction.voided': { originalTransactionId: uuid },
  'refund.approved': { originalTransactionId: uuid, amountMinor: amount, currency },
  'settlement.closed': {
    batchNumber: integerFrom(1, MAX_BATCH_NUMBER),
    totals: z
      .array(
        z.object({ method, count: integerFrom(0, MAX_COUNT), amountMinor: minorUnits(0n, MAX_TOTAL_MINOR), currency }, saying('must be an object')).strict(),
        saying('must be an array'),
      )
      .max(100, 'must have at most 100 lines'),
  },
} satisfies Record<TerminalEventType, z.ZodRawShape>;

const envelope = { eventId: uuid, terminalId: id, sequence: integerFrom(1, MAX_SEQUENCE), occurredAt: instant };

function payloadOf<T extends TerminalEventType>(type: T) {
  return z.object(payloads[type], saying('must be an object')).strict();
}

function transactionalEvent<T extends TerminalEventType>(type: T) {
  const shape = { ...envelope, transactionId: uuid, type: z.literal(type), payload: payloadOf(type) };
  return z.object(shape, saying('must be an object')).strict();
}

function transactionlessEvent<T extends TerminalEventType>(type: T) {
  const shape = { ...envelope, transactionId: uuid.optional(), type: z.literal(type), payload: payloadOf(type) };
  return z.object(shape, saying('must be an object')).strict();
}

type Schemas = { [T in TerminalEventType]: z.ZodType<TerminalEventOf<T>, z.ZodTypeDef, unknown> };

/** The strict runtime schema of each terminal event type: unknown fields are errors. */
export const TERMINAL_EVENT_SCHEMAS: Schemas = {
  'operator.signed_in': transactionlessEvent('operator.signed_in'),
  'operator.signed_out': transactionlessEvent('operator.signed_out'),
  'card.inserted': transactionalEvent('card.inserted'),
  'pin.entered': transactionalEvent('pin.entered'),
  'payment.method_selected': transactionalEvent('payment.method_selected'),
  'amount.entered': transactionalEvent('amount.entered'),
  'qr.scanned': transactionalEvent('qr.scanned'),
  'authorization.requested': transactionalEvent('authorization.requested'),
  'authorization.approved': transactionalEvent('authorization.approved'),
  'authorization.declined': transactionalEvent('authorization.declined'),
  'authorization.timed_out': transactionalEvent('authorization.timed_out'),
  'signature.captured': transactionalEvent('signature.captured'),
  'receipt.printed': transactionalEvent('receipt.printed'),
  'receipt.emailed': transactionalEvent('receipt.emailed'),
  'transaction.voided': transactionalEvent('transaction.voided'),
  'refund.approved': transactionalEvent('refund.approved'),
  'settlement.closed': transactionlessEvent('settlement.closed'),
};
