import type { AppendResult, EventStore, NewEvent, RecordedEvent } from '../event-store.port';
import { assertAppendable } from '../append-arguments';
import { ExpectedVersionConflictError } from '../expected-version-conflict.error';
import { ChainTips, type ChainTip } from './chain-tips';
import { GENESIS_HASH, chainOf, eventHash, type ChainLink } from './event-hash';

const TIP_CACHE_STREAMS = 10_000;
/** An 'any' append retries on a concurrent writer; past this many, the conflict goes to the caller. */
const MAX_ANY_ATTEMPTS = 100;

const BEFORE_FIRST: ChainTip = { revision: -1n, hash: GENESIS_HASH };

/**
 * Adds `metadata.chain = { prev, hash }` to every appended event, linking it to the previous event of its stream
 * (see event-hash.ts). Reads pass through untouched, chain included, for verifyIntegrity.
 */
export function withHashChain(store: EventStore): EventStore {
  const tips = new ChainTips(TIP_CACHE_STREAMS);

  async function tipAt(streamId: string, revision: bigint): Promise<ChainTip | undefined> {
    const cached = tips.at(streamId, revision);
    if (cached) return cached;
    const [event] = await store.readStream(streamId, revision);
    return event?.revision === revision ? tipOf(event) : undefined;
  }

  async function appendAfter(streamId: string, events: readonly NewEvent[], tip: ChainTip): Promise<AppendResult> {
    const chained = chain(streamId, events, tip);
    let result: AppendResult;
    try {
      result = await store.appendToStream(streamId, chained.events, tip.revision === -1n ? 'no_stream' : tip.revision);
    } catch (error) {
      if (error instanceof ExpectedVersionConflictError) tips.forget(streamId);
      throw error;
    }
    tips.remember(streamId, { revision: result.nextExpectedRevision, hash: chained.lastHash });
    return result;
  }

  /**
   * 'any' becomes the revision just read, so a concurrent writer cannot slip in between the tip and the append;
   * a batch whose first id is already in the stream is retried at its original revision (an idempotent retry).
   */
  async function appendToAny(streamId: string, events: readonly NewEvent[]): Promise<AppendResult> {
    for (let attempt = 1; ; attempt++) {
      const stream = await store.readStream(streamId);
      const retried = stream.findIndex((event) => event.id === events[0].id);
      const tip = retried === -1 ? stream[stream.length - 1] : stream[retried - 1];
      try {
        return await appendAfter(streamId, events, tip ? tipOf(tip) : BEFORE_FIRST);
      } catch (error) {
        if (!(error instanceof ExpectedVersionConflictError) || retried !== -1 || attempt >= MAX_ANY_ATTEMPTS) throw error;
      }
    }
  }

  async function conflict(streamId: string, expected: bigint): Promise<never> {
    const stream = await store.readStream(streamId);
    const actual = stream.length === 0 ? 'no_stream' : String(stream[stream.length - 1].revision);
    throw new ExpectedVersionConflictError(streamId, String(expected), actual);
  }

  return {
    readStream: (streamId, fromRevision, maxCount) => store.readStream(streamId, fromRevision, maxCount),
    readAll: (options) => store.readAll(options),
    readAllHeaders: (options) => store.readAllHeaders(options),
    readAllData: (options) => store.readAllData(options),
    subscribeToAll: (options, handler) => store.subscribeToAll(options, handler),
    subscribeToAllData: (options, handler) => store.subscribeToAllData(options, handler),
    headPosition: () => store.headPosition(),
    streamExists: (streamId) => store.streamExists(streamId),
    close: () => store.close(),
    async appendToStream(streamId, events, expectedRevision) {
      assertAppendable(streamId, events);
      if (expectedRevision === 'any') return appendToAny(streamId, events);
      if (expectedRevision === 'no_stream') return appendAfter(streamId, events, BEFORE_FIRST);
      const tip = await tipAt(streamId, expectedRevision);
      return tip ? appendAfter(streamId, events, tip) : conflict(streamId, expectedRevision);
    },
  };
}

function tipOf(event: RecordedEvent): ChainTip {
  // An event stored before the chain existed starts a new chain.
  return { revision: event.revision, hash: chainOf(event.metadata)?.hash ?? GENESIS_HASH };
}

function chain(streamId: string, events: readonly NewEvent[], tip: ChainTip): { events: NewEvent[]; lastHash: string } {
  let prev = tip.hash;
  const chained = events.map((event, i) => {
    const metadata = event.metadata ?? {};
    const hash = eventHash({ streamId, revision: tip.revision + 1n + BigInt(i), id: event.id, type: event.type, data: event.data, metadata }, prev);
    const link: ChainLink = { prev, hash };
    prev = hash;
    // Not `{ ...metadata, chain: link }`: a property added after a spread takes V8's slow path, per event appended.
    return { id: event.id, type: event.type, data: event.data, metadata: Object.assign({}, metadata, { chain: link }) };
  });
  return { events: chained, lastHash: prev };
}
