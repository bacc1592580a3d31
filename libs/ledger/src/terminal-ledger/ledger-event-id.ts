import { hash } from 'node:crypto';

/** The uuid variant's hex digit (binary 10xx) for each value of the digest's low two bits there. */
const VARIANT_DIGITS = '89ab';

/**
 * Invariant 3: a ledger event's id is a name-based uuid (v5 layout over SHA-1) of the terminal event that caused
 * it, its type and its ordinal among events of that type from that cause, so a redelivery can only produce the
 * same ids, which the event store takes idempotently.
 */
export function ledgerEventId(terminalEventId: string, type: string, ordinal: number): string {
  // One-shot hex digest, version and variant set in the text: half the cost of a Hash object and a Buffer, per ledger event.
  const hex = hash('sha1', `posledger/${terminalEventId}/${type}/${ordinal}`);
  const variant = VARIANT_DIGITS[parseInt(hex[16], 16) & 3];
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
