/**
 * How long a terminal's sequence gap is waited on, and how many of its events may be held meanwhile
 * (invariant 9). Past either bound the gap is skipped with a recorded `SequenceGapSkipped` and the held events
 * apply; a missing event that arrives afterwards is still applied if the rules accept it.
 */
export interface SequencePolicy {
  gapTimeoutMs: number;
}

export const DEFAULT_GAP_TIMEOUT_MS = 60_000;
export const MAX_PARKED_EVENTS = 1_000;
/** Skipped gaps remembered per terminal (for late arrivals) and per batch (for its reconciliation). */
export const REMEMBERED_GAPS = 64;
/**
 * Event ids remembered per terminal for redelivery, in two generations of this many: between 2,048 and 4,096 of the
 * most recent, so a terminal's state stops growing with its event count. A crash redelivers at most the transport
 * batch in flight (500 messages), and a terminal's own retries are answered by ingest from its ids on disk.
 */
export const REMEMBERED_EVENT_IDS = 2_048;

export const DEFAULT_SEQUENCE_POLICY: SequencePolicy = { gapTimeoutMs: DEFAULT_GAP_TIMEOUT_MS };
