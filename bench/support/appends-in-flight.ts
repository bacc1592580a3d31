// Appends as the peers bench and the growth bench drive a store: workers in flight, each owning every n-th stream and
// appending to its streams in turn, so a stream never has two appends in flight and each append names the version
// the previous one returned.
import { randomUUID } from 'node:crypto';
import type { NewEvent } from '../../libs/event-store/src';
import { perSecond } from './stats';
import type { StoreUnderTest } from './store-under-test';

/** The streams appended to and the appends in flight at once. */
export const APPEND_STREAMS = 640;
export const APPENDS_IN_FLIGHT = 64;
/** Per round: [events per append, appends per stream]; 20,480 events in batches of 1, 102,400 in batches of 10. */
export const APPEND_PHASES = [
  { batchSize: 1, appendsPerStream: 32 },
  { batchSize: 10, appendsPerStream: 16 },
] as const;

/** A small sale event, the same shape for every store compared. */
export function saleApproved(streamIndex: number, i: number): NewEvent {
  return {
    id: randomUUID(),
    type: 'sale.approved',
    data: { terminalId: `t-${streamIndex}`, transactionId: randomUUID(), amountMinor: String(1000 + i), currency: 'EUR', method: 'CREDIT' },
    metadata: { causationId: randomUUID() },
  };
}

/** [stream][append] -> events: `appendsPerStream` appends of `batchSize` sale events for each of `streams` streams. */
export function saleAppends(streams: number, appendsPerStream: number, batchSize: number): NewEvent[][][] {
  return Array.from({ length: streams }, (_, s) => Array.from({ length: appendsPerStream }, (_, a) => Array.from({ length: batchSize }, (_, i) => saleApproved(s, a * batchSize + i))));
}

/**
 * Appends `appends[s]` to `streamIds[s]` with `inFlight` workers; `versions[s]` is the stream's version before (undefined:
 * no stream yet) and after. Returns events/s.
 */
export async function appendInFlight(
  store: Pick<StoreUnderTest, 'append'>,
  streamIds: readonly string[],
  appends: readonly (readonly NewEvent[])[][],
  versions: (bigint | undefined)[],
  inFlight: number,
): Promise<number> {
  const events = appends.flat(2).length;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async (_, worker) => {
      const owned = streamIds.map((_, s) => s).filter((s) => s % inFlight === worker);
      for (let a = 0; a < appends[0].length; a++) {
        for (const s of owned) versions[s] = await store.append(streamIds[s], appends[s][a], versions[s]);
      }
    }),
  );
  return perSecond(events, performance.now() - start);
}
