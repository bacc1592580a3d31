import { createHash } from 'node:crypto';

/**
 * Invariant 3: a ledger event's id is a name-based uuid (v5 layout over SHA-1) of the terminal event that caused
 * it, its type and its ordinal among events of that type from that cause, so a redelivery can only produce the
 * same ids, which the event store takes idempotently.
 */
export function ledgerEventId(terminalEventId: string, type: string, ordinal: number): string {
  const hash = createHash('sha1').update(`posledger/${terminalEventId}/${type}/${ordinal}`).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
