import { fieldPath } from './field-path';
import { isEventType, validateTerminalEvent } from './terminal-event-validator';
import type { TerminalEvent } from './terminal-event';

/**
 * What ingest hands the transport for one terminal event: the event plus what ingest established about it. The
 * merchant is not in it: the ledger takes it from the registry (an older envelope's `merchantId` is ignored).
 */
export interface TerminalEventEnvelope {
  readonly event: TerminalEvent;
  /** Ingest masked a full PAN in card.inserted; the ledger records that it did. */
  readonly panMasked: boolean;
  readonly receivedAt: string;
}

export type DecodedEnvelope = { ok: true; envelope: TerminalEventEnvelope } | { ok: false; reason: string };

export function encodeEnvelope(envelope: TerminalEventEnvelope): string {
  return JSON.stringify(envelope);
}

/**
 * After the transport, what ingest wrote is checked again against the same compiled schema (microseconds; the card
 * data scan is not repeated): a message that fails it can never be processed, and is dead-lettered, not retried.
 */
export function decodeEnvelope(value: string): DecodedEnvelope {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return { ok: false, reason: 'message is not JSON' };
  }
  if (typeof parsed !== 'object' || parsed === null) return { ok: false, reason: 'message is not an envelope object' };
  const { event, panMasked, receivedAt } = parsed as Record<string, unknown>;
  if (typeof panMasked !== 'boolean') return { ok: false, reason: 'envelope.panMasked is missing' };
  if (typeof receivedAt !== 'string' || Number.isNaN(Date.parse(receivedAt))) return { ok: false, reason: 'envelope.receivedAt is not an instant' };
  const type = typeof event === 'object' && event !== null ? (event as Record<string, unknown>).type : undefined;
  if (!isEventType(type)) return { ok: false, reason: 'envelope.event fails the schema: type is not a terminal event type' };
  const checked = validateTerminalEvent(type, event);
  if ('problems' in checked) {
    return { ok: false, reason: `envelope.event fails the schema: ${checked.problems.map(({ path, problem }) => `${fieldPath(path)}: ${problem}`).join('; ')}` };
  }
  return { ok: true, envelope: { event: checked.event, panMasked, receivedAt } };
}
