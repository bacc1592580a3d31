// The event store port (emmett's four methods plus the global log the projections read).
// Positions and revisions are bigint; results are plain objects.

export type JsonObject = { readonly [key: string]: unknown };

export interface NewEvent {
  /** Deterministic uuid derived from the terminal event id; appending the same id again is idempotent. */
  readonly id: string;
  readonly type: string;
  readonly data: JsonObject;
  readonly metadata?: JsonObject;
}

export interface RecordedEvent {
  readonly id: string;
  readonly streamId: string;
  /** 0-based revision within its stream. */
  readonly revision: bigint;
  /**
   * Position in the global log (commit order): strictly increasing, dense from 0 only in the embedded store
   * (EventStoreDB's are log offsets). -1n when the store cannot tell, which only EventStoreDB's readStream may give.
   */
  readonly position: bigint;
  readonly type: string;
  readonly data: JsonObject;
  /**
   * The data's JSON text as the store keeps it, when it keeps it as text (the embedded store does): exactly
   * JSON.stringify(data), so a reader that stores the data as JSON takes it rather than serialising it again.
   * Whoever builds a recorded event with other data from one read leaves it out.
   */
  readonly dataJson?: string;
  readonly metadata: JsonObject;
  /** ISO-8601 instant at which the store committed the event (the platform's recorded time). */
  readonly recordedAt: string;
}

/** A recorded event without its data: what a reader of the log's order, streams and metadata alone needs. */
export type RecordedEventHeader = Omit<RecordedEvent, 'data' | 'dataJson'>;

/** A recorded event without its metadata: what a reader of its data alone needs (the read model's projections). */
export type RecordedEventData = Omit<RecordedEvent, 'metadata'>;

/** 'no_stream': the stream must not exist; 'any': no check; bigint: the revision of the stream's last event. */
export type ExpectedRevision = 'no_stream' | 'any' | bigint;

export interface AppendResult {
  /** Revision of the stream's last event after the append (pass it as the next expectedRevision). */
  readonly nextExpectedRevision: bigint;
  /** Global position of the last event appended (or of the existing one on an idempotent re-append; -1n if EventStoreDB cannot tell). */
  readonly position: bigint;
}

export interface ReadAllOptions {
  /** First position to return (inclusive): 0n, a position already read + 1n, or headPosition(). */
  readonly fromPosition: bigint;
  readonly maxCount: number;
}

export interface Subscription {
  close(): Promise<void>;
}

export interface SubscribeOptions<P = undefined, E = RecordedEvent> {
  /** First position to deliver (inclusive; 0n, a delivered position + 1n, or headPosition()): catch-up, then live. */
  readonly fromPosition: bigint;
  readonly maxBatchSize?: number;
  /**
   * Work on a batch that depends on its events alone (no I/O, no effects): its result goes to the handler with the
   * batch, each time the batch is delivered. While catching up, a batch is prepared while the handler's call on the
   * batch before it waits on I/O. One that throws gives undefined.
   */
  readonly prepare?: (events: readonly E[]) => P;
}

/** Called with each batch and what `prepare` made of it (undefined without a prepare, or when it threw). */
export type SubscriptionHandler<P = undefined, E = RecordedEvent> = (events: E[], prepared: P | undefined) => Promise<void>;

export interface EventStore {
  /** Events of one stream from a revision (inclusive), in order, at most maxCount of them (all when not given); [] for a missing stream. */
  readStream(streamId: string, fromRevision?: bigint, maxCount?: number): Promise<RecordedEvent[]>;
  /**
   * Appends atomically and durably (on disk before the promise resolves). Throws ExpectedVersionConflictError
   * when the stream's revision is not the expected one, unless every event id is already in the stream at
   * exactly the positions being appended (an idempotent retry), which returns the existing result.
   * Rejects with a RangeError, storing nothing, when events is empty or the stream id is empty or contains NUL.
   */
  appendToStream(streamId: string, events: readonly NewEvent[], expectedRevision: ExpectedRevision): Promise<AppendResult>;
  /** Events of all streams in commit order. */
  readAll(options: ReadAllOptions): Promise<RecordedEvent[]>;
  /**
   * The same events as readAll without their data, which a store need not parse (the embedded store reads each
   * event whole, data and metadata in one value, and leaves the data unparsed). A store that parses it anyway may
   * give whole events.
   */
  readAllHeaders(options: ReadAllOptions): Promise<RecordedEventHeader[]>;
  /**
   * The same events as readAll without their metadata, as subscribeToAllData delivers them (a rebuild reads these).
   * A store that parses the metadata anyway may give whole events.
   */
  readAllData(options: ReadAllOptions): Promise<RecordedEventData[]>;
  /** Catch-up then live delivery in position order; the handler's batches never overlap or skip. */
  subscribeToAll<P = undefined>(options: SubscribeOptions<P>, handler: SubscriptionHandler<P>): Subscription;
  /**
   * subscribeToAll's delivery without each event's metadata, which a store need not parse (the embedded store reads
   * each event whole and leaves the metadata unparsed). A store that parses it anyway may deliver whole events.
   */
  subscribeToAllData<P = undefined>(options: SubscribeOptions<P, RecordedEventData>, handler: SubscriptionHandler<P, RecordedEventData>): Subscription;
  /** Position that the next appended event will take (0 for an empty store). */
  headPosition(): Promise<bigint>;
  streamExists(streamId: string): Promise<boolean>;
  close(): Promise<void>;
}
