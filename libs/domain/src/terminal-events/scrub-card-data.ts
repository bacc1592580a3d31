import { boundedMemo } from '../values/bounded-memo';
import { isUuid } from '../values/ids';
import { isIsoInstant } from '../values/instant';
import { findFullPans, isPlainFullPan, maskPan } from '../values/pan';
import { isCardDataFieldName } from './card-data-field-names';
import { childField } from './field-path';
import { TerminalEvent } from './terminal-event';

/** A field of an event that holds card data, and what it holds. */
export interface CardDataFinding {
  readonly field: string;
  readonly what: 'a full card number' | 'card data';
}

// Fields in their UUID or instant shape are not read with separators joined: a UUID's hex groups joined across
// its dashes can, by chance, form a Luhn-valid run, and in these shapes no 13 digits are ever adjacent (a UUID
// group has at most 12, a fraction of a second at most 9). Out of shape they are read like every other field.
// A Map, not an object: field names come from the terminal, and `constructor` or `__proto__` must find nothing.
const STRUCTURED_FIELDS: ReadonlyMap<string, (s: string) => boolean> = new Map([
  ['eventId', isUuid],
  ['transactionId', isUuid],
  ['occurredAt', isIsoInstant],
  ['payload.originalTransactionId', isUuid],
]);

// The deepest field of the contract is payload.totals[i].amountMinor; the schema refuses anything deeper as an
// unknown field, so the scan need not follow a hostile nesting further (nor recurse a million levels).
const MAX_SCAN_DEPTH = 6;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const keyHoldsFullPan = boundedMemo((key) => findFullPans(key).length > 0, 4_096);

function holdsFullPan(value: unknown, field: string): boolean {
  if (typeof value === 'number') return findFullPans(String(value)).length > 0;
  if (typeof value !== 'string') return false;
  if (STRUCTURED_FIELDS.get(field)?.(value)) return false;
  return findFullPans(value).length > 0;
}

function scan(value: unknown, field: string, depth: number, skipField: string | null, findings: CardDataFinding[]): void {
  if (field === skipField) return;
  if (holdsFullPan(value, field)) {
    findings.push({ field, what: 'a full card number' });
    return;
  }
  if (depth >= MAX_SCAN_DEPTH) return;
  if (Array.isArray(value)) {
    value.forEach((child, i) => scan(child, childField(field, i), depth + 1, skipField, findings));
  } else if (isRecord(value)) {
    for (const [key, child] of Object.entries(value)) {
      const keyField = childField(field, key);
      if (isCardDataFieldName(key)) findings.push({ field: keyField, what: 'card data' });
      else if (keyHoldsFullPan(key)) findings.push({ field: keyField, what: 'a full card number' });
      else scan(child, keyField, depth + 1, skipField, findings);
    }
  }
}

/**
 * Invariant 2, for any value received as an event (parsed or not): every field holding a full card number (see
 * findFullPans: any script's digits, any separators, inside longer numbers; numbers too), every field named like
 * track data, CVV or PIN block, and every field whose name holds a card number. The one exception is a plain full
 * PAN in `card.inserted.maskedPan`, which maskFullPan masks.
 */
export function findCardData(event: unknown): CardDataFinding[] {
  const payload = isRecord(event) ? event.payload : undefined;
  const maskable = isRecord(event) && event.type === 'card.inserted' && isRecord(payload) && typeof payload.maskedPan === 'string' && isPlainFullPan(payload.maskedPan);
  const findings: CardDataFinding[] = [];
  scan(event, '', 0, maskable ? 'payload.maskedPan' : null, findings);
  return findings;
}

/**
 * Invariant 2 at the door, for an event parseTerminalEventBatch accepted (it refuses card data anywhere else, see
 * findCardData): a full Luhn-valid PAN in `card.inserted.maskedPan` is masked to first 6 / last 4, and
 * `masked: true` says so, for the ledger to record.
 */
export function maskFullPan(event: TerminalEvent): { event: TerminalEvent; masked: boolean } {
  if (event.type !== 'card.inserted' || !isPlainFullPan(event.payload.maskedPan)) return { event, masked: false };
  return { event: { ...event, payload: { ...event.payload, maskedPan: maskPan(event.payload.maskedPan) } }, masked: true };
}
