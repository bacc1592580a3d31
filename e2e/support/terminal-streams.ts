// Reads every terminal's ledger stream straight from the LMDB event store (several processes may open it) and
// lists what breaks exactly-once, in-order recording.
import { join } from 'node:path';
import { createLmdbEventStore, type RecordedEvent } from '@posledger/event-store';
import { terminalStream } from '@posledger/domain';

export interface StreamAudit {
  /** TerminalEventRecorded events over all the terminals audited. */
  readonly recorded: number;
  /** Empty when every terminal recorded sequences 1..last, each event id once, in increasing order, nothing parked or reused. */
  readonly problems: readonly string[];
}

interface RecordedTerminalEvent {
  readonly eventId: string;
  readonly sequence: number;
}

/** `lastSequences`: each terminal's last sequence sent (the simulator's nextSequence - 1). */
export async function auditTerminalStreams(dataDir: string, lastSequences: Readonly<Record<string, number>>): Promise<StreamAudit> {
  const store = await createLmdbEventStore({ path: join(dataDir, 'event-store') });
  try {
    let recorded = 0;
    const problems: string[] = [];
    for (const [terminalId, last] of Object.entries(lastSequences)) {
      const stream = await store.readStream(terminalStream(terminalId));
      const events = recordedTerminalEvents(stream);
      recorded += events.length;
      problems.push(...problemsOf(terminalId, stream, events, last));
    }
    return { recorded, problems };
  } finally {
    await store.close();
  }
}

function recordedTerminalEvents(stream: readonly RecordedEvent[]): RecordedTerminalEvent[] {
  return stream
    .filter((e) => e.type === 'TerminalEventRecorded')
    .map((e) => {
      const event = e.data.event as RecordedTerminalEvent;
      return { eventId: event.eventId, sequence: event.sequence };
    });
}

function problemsOf(terminalId: string, stream: readonly RecordedEvent[], events: readonly RecordedTerminalEvent[], last: number): string[] {
  const problems: string[] = [];
  const ids = new Set(events.map((e) => e.eventId));
  if (ids.size !== events.length) problems.push(`${terminalId}: ${events.length - ids.size} terminal events recorded twice`);
  const outOfOrder = events.findIndex((e, i) => i > 0 && e.sequence <= events[i - 1].sequence);
  if (outOfOrder > 0) problems.push(`${terminalId}: sequence ${events[outOfOrder].sequence} recorded after ${events[outOfOrder - 1].sequence}`);
  const sequences = new Set(events.map((e) => e.sequence));
  const missing = Array.from({ length: last }, (_, i) => i + 1).filter((sequence) => !sequences.has(sequence));
  if (missing.length > 0) problems.push(`${terminalId}: sequences never recorded: ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ', ...' : ''}`);
  if (events.length !== last) problems.push(`${terminalId}: ${events.length} events recorded, ${last} sent`);
  const parked = stream.filter((e) => e.type === 'TerminalEventParked').map((e) => Number(e.data.sequence));
  const stillParked = parked.filter((sequence) => !sequences.has(sequence));
  if (stillParked.length > 0) problems.push(`${terminalId}: still parked: ${stillParked.join(', ')}`);
  const reused = stream.filter((e) => e.type === 'TerminalEventRejected' && e.data.code === 'SEQUENCE_REUSED').length;
  if (reused > 0) problems.push(`${terminalId}: ${reused} events rejected as SEQUENCE_REUSED`);
  return problems;
}
