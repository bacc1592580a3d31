import { findFullPans, isLuhnValid, maskPan } from '../values/pan';
import { isCardDataFieldName } from './card-data-field-names';
import { EventError } from './event-error';
import { fieldPath } from './field-path';
import { TerminalEvent } from './terminal-event';

export type ScrubResult = { event: TerminalEvent; masked: boolean } | { error: EventError };

// Fields the schema already holds to UUID or instant shapes: a UUID's hex groups can, by chance, form a
// Luhn-valid digit run, and neither field can carry card data in a readable form.
const STRUCTURED_FIELDS = new Set(['eventId', 'transactionId', 'occurredAt', 'payload.originalTransactionId']);

function cardDataError(index: number | null, field: string, what: string): { error: EventError } {
  const where = index === null ? field : `events[${index}].${field}`;
  return { error: { index, field, message: `CARD_DATA: ${what} is not accepted in ${where}` } };
}

function findCardData(value: unknown, path: (string | number)[], index: number | null): { error: EventError } | null {
  const field = fieldPath(path);
  if (typeof value === 'string') {
    if (STRUCTURED_FIELDS.has(field)) return null;
    return findFullPans(value).length > 0 ? cardDataError(index, field, 'a full card number') : null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findCardData(value[i], [...path, i], index);
      if (found) return found;
    }
    return null;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      if (isCardDataFieldName(key)) return cardDataError(index, fieldPath([...path, key]), 'card data');
      const found = findCardData(child, [...path, key], index);
      if (found) return found;
    }
  }
  return null;
}

/**
 * Invariant 2 at the door: a full Luhn-valid PAN in `card.inserted.maskedPan` is masked to first 6 / last 4
 * (and `masked: true` says so, for the ledger to record); a full PAN anywhere else, or a field named like
 * track data, CVV or PIN block, is an error. `index` is the event's position in its batch, for the message.
 */
export function scrubCardData(event: TerminalEvent, index: number | null = null): ScrubResult {
  let scrubbed: TerminalEvent = event;
  let masked = false;
  if (event.type === 'card.inserted' && /^\d{13,19}$/.test(event.payload.maskedPan) && isLuhnValid(event.payload.maskedPan)) {
    scrubbed = { ...event, payload: { ...event.payload, maskedPan: maskPan(event.payload.maskedPan) } };
    masked = true;
  }
  const found = findCardData(scrubbed, [], index);
  return found ?? { event: scrubbed, masked };
}
