import { parseTerminalEventBatch } from './parse-terminal-event-batch';
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

/** The schema is checked again at consume time: a message that fails it can never be processed. */
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
  const batch = parseTerminalEventBatch({ events: [event] });
  if (!batch.ok) return { ok: false, reason: `envelope.event fails the schema: ${batch.errors.map((e) => e.message).join('; ')}` };
  return { ok: true, envelope: { event: batch.events[0], panMasked, receivedAt } };
}
