import {
  ANY,
  BACKWARDS,
  END,
  EventStoreDBClient,
  NO_STREAM,
  StreamNotFoundError,
  WrongExpectedVersionError,
  excludeSystemEvents,
  jsonEvent,
  type AppendExpectedRevision,
} from '@eventstore/db-client';
import type { EventStore, ExpectedRevision, NewEvent, RecordedEvent, SubscribeOptions, Subscription, SubscriptionHandler } from '../event-store.port';
import { assertAppendable } from '../append-arguments';
import { ExpectedVersionConflictError } from '../expected-version-conflict.error';
import { createSubscriptionRegistry } from '../subscription/subscription-registry';
import { defaultCatchUpOptions, startCatchUpSubscription, type CatchUpSource } from '../subscription/catch-up-subscription';
import { UNKNOWN_POSITION, toReadPosition } from './esdb-positions';
import { isSystemEvent, toRecordedEvent } from './esdb-recorded-event';

export interface EventStoreDbEventStoreOptions {
  /** e.g. esdb://localhost:2113?tls=false */
  readonly connectionString: string;
}

/** Live appends wake subscriptions through an ESDB subscription; this poll only covers a dropped one. */
const POLL_INTERVAL_MS = 1000;

/** The EventStoreDB / KurrentDB adapter. Positions are ESDB commit positions (see esdb-positions.ts). */
export function createEventStoreDbEventStore({ connectionString }: EventStoreDbEventStoreOptions): EventStore {
  const client = EventStoreDBClient.connectionString(connectionString);
  const subscriptions = createSubscriptionRegistry();

  async function readStream(streamId: string, fromRevision: bigint, maxCount?: number): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    try {
      for await (const { event } of client.readStream(streamId, { fromRevision, maxCount })) {
        if (event) events.push(toRecordedEvent(event));
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }

  async function readAll(fromPosition: bigint, maxCount: number): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    if (maxCount <= 0) return events;
    // Unbounded on the server side because system events are dropped here; the loop stops at maxCount.
    const read = client.readAll({ fromPosition: toReadPosition(fromPosition) });
    try {
      for await (const { event } of read) {
        if (!event || isSystemEvent(event) || event.position.commit < fromPosition) continue;
        events.push(toRecordedEvent(event));
        if (events.length === maxCount) break;
      }
    } finally {
      await read.cancel();
    }
    return events;
  }

  /** Appends that hit an idempotent retry come back without a position: take it from the stored event. */
  async function positionOfRevision(streamId: string, revision: bigint): Promise<bigint> {
    const [event] = await readStream(streamId, revision, 1);
    return event?.position ?? UNKNOWN_POSITION;
  }

  function subscribe<P>({ fromPosition, maxBatchSize = defaultCatchUpOptions.maxBatchSize, prepare }: SubscribeOptions<P>, handler: SubscriptionHandler<P>): Subscription {
    const inner = startCatchUpSubscription(
      { readAll, onAppend: wakeOnLiveAppends },
      { ...defaultCatchUpOptions, pollIntervalMs: POLL_INTERVAL_MS, fromPosition, maxBatchSize, prepare },
      handler,
    );
    return subscriptions.track(inner);
  }

  const wakeOnLiveAppends: CatchUpSource['onAppend'] = (listener) => {
    const live = client.subscribeToAll({ fromPosition: END, filter: excludeSystemEvents() });
    live.on('data', listener);
    live.on('error', (error) => console.warn(`event-store subscription: live wake-up dropped, polling instead: ${error.message}`));
    return () => {
      live.unsubscribe().catch(() => undefined);
    };
  };

  return {
    readStream: (streamId, fromRevision = 0n, maxCount) => readStream(streamId, fromRevision, maxCount),

    async appendToStream(streamId: string, events: readonly NewEvent[], expectedRevision: ExpectedRevision) {
      assertAppendable(streamId, events);
      try {
        const result = await client.appendToStream(
          streamId,
          events.map(({ id, type, data, metadata }) => jsonEvent({ id, type, data, metadata: metadata ?? {} })),
          { expectedRevision: toEsdbExpectedRevision(expectedRevision) },
        );
        const position = result.position?.commit ?? (await positionOfRevision(streamId, result.nextExpectedRevision));
        return { nextExpectedRevision: result.nextExpectedRevision, position };
      } catch (error) {
        if (error instanceof WrongExpectedVersionError) {
          throw new ExpectedVersionConflictError(streamId, String(expectedRevision), String(error.actualVersion));
        }
        throw error;
      }
    },

    readAll: ({ fromPosition, maxCount }) => readAll(fromPosition, maxCount),
    // The client parses each event's data and metadata as it reads it: the partial reads have nothing to skip.
    readAllHeaders: ({ fromPosition, maxCount }) => readAll(fromPosition, maxCount),
    readAllData: ({ fromPosition, maxCount }) => readAll(fromPosition, maxCount),

    subscribeToAll: subscribe,
    subscribeToAllData: subscribe,

    async headPosition() {
      // The last record of the log, system ones included: every later event lies beyond it.
      for await (const { event } of client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 })) {
        if (event) return event.position.commit + 1n;
      }
      return 0n;
    },

    async streamExists(streamId) {
      return (await readStream(streamId, 0n, 1)).length > 0;
    },

    async close() {
      await subscriptions.closeAll();
      await client.dispose();
    },
  };
}

function toEsdbExpectedRevision(expected: ExpectedRevision): AppendExpectedRevision {
  if (expected === 'no_stream') return NO_STREAM;
  if (expected === 'any') return ANY;
  return expected;
}
