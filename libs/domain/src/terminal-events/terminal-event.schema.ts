import { z } from 'zod';
import { isKnownCurrency } from '../values/currency';
import { isUuid, ID_PATTERN } from '../values/ids';
import { isIsoInstant } from '../values/instant';
import { isLuhnValid, isMaskedPan } from '../values/pan';
import {
  ENTRY_MODES, PAYMENT_METHODS, PIN_RESULTS, RECEIPT_COPIES, TerminalEventOf, TerminalEventType,
} from './terminal-event';

// Every leaf schema gives one plain-language message for any wrong value; a missing field is reported
// as "is required" when the issues are collected (see parse-terminal-event-batch.ts).
const saying = (message: string) => ({ errorMap: () => ({ message }) });

const MINOR_UNITS = 'must be a decimal string of minor units';

const uuid = z.string(saying('must be a UUID')).refine(isUuid, 'must be a UUID');
const id = z.string(saying('must be an id (1-64 letters, digits, _ . -)')).regex(ID_PATTERN);
const text = (max: number) =>
  z.string(saying(`must be a non-empty string of at most ${max} characters`)).min(1).max(max);
const instant = z
  .string(saying('must be an ISO-8601 instant with an offset or Z'))
  .refine(isIsoInstant, 'must be an ISO-8601 instant with an offset or Z');
const positiveInteger = z
  .number(saying('must be a positive safe integer'))
  .int()
  .positive()
  .refine(Number.isSafeInteger, 'must be a positive safe integer');
const count = z
  .number(saying('must be a non-negative safe integer'))
  .int()
  .nonnegative()
  .refine(Number.isSafeInteger, 'must be a non-negative safe integer');
const minorUnits = z.string(saying(MINOR_UNITS)).regex(/^(0|[1-9]\d{0,29})$/, MINOR_UNITS);
const positiveMinorUnits = minorUnits.refine((s) => s !== '0', 'must be a positive amount of minor units');
const currency = z.string(saying('must be a known ISO 4217 currency code')).refine(isKnownCurrency, 'must be a known ISO 4217 currency code');
const oneOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, saying(`must be one of ${values.join(', ')}`));
const method = oneOf(PAYMENT_METHODS);
const scheme = z.string(saying('must be a card scheme such as VISA')).regex(/^[A-Z][A-Z0-9_]{1,31}$/);
// A full Luhn-valid PAN is let through here so that scrubCardData can mask it and record that it did.
const maskedPan = z
  .string(saying('must be a masked PAN (first 6 digits, *, last 4 digits)'))
  .refine(
    (s) => isMaskedPan(s) || (/^\d{13,19}$/.test(s) && isLuhnValid(s)),
    'must be a masked PAN (first 6 digits, *, last 4 digits)',
  );

const payloads = {
  'operator.signed_in': { operatorId: id },
  'operator.signed_out': {},
  'card.inserted': { entryMode: oneOf(ENTRY_MODES), maskedPan, scheme },
  'pin.entered': { result: oneOf(PIN_RESULTS) },
  'payment.method_selected': { method },
  'amount.entered': { amountMinor: positiveMinorUnits, currency },
  'qr.scanned': { walletReference: text(128) },
  'authorization.requested': {},
  'authorization.approved': { authCode: text(32), hostReference: text(64) },
  'authorization.declined': { responseCode: text(16), reason: text(256) },
  'authorization.timed_out': {},
  'signature.captured': {},
  'receipt.printed': { copy: oneOf(RECEIPT_COPIES) },
  'receipt.emailed': {},
  'transaction.voided': { originalTransactionId: uuid },
  'refund.approved': { originalTransactionId: uuid, amountMinor: positiveMinorUnits, currency },
  'settlement.closed': {
    batchNumber: positiveInteger,
    totals: z
      .array(z.object({ method, count, amountMinor: minorUnits, currency }, saying('must be an object')).strict(), saying('must be an array'))
      .max(100, 'must have at most 100 lines'),
  },
} satisfies Record<TerminalEventType, z.ZodRawShape>;

const envelope = { eventId: uuid, terminalId: id, sequence: positiveInteger, occurredAt: instant };

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
