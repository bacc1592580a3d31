// scanStream over a real LMDB store: one stream's events in order, pages past the first, a stop where `visit` says,
// and the event loop served between pages.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLmdbEventStore } from '../lmdb/lmdb-event-store';
import type { EventStore } from '../event-store.port';
import { scanStream } from './scan-stream';

const EVENTS = 5_000;

describe('scanStream', () => {
  const dir = mkdtempSync(join(tmpdir(), 'posledger-scan-stream-'));
  let store: EventStore;

  beforeAll(async () => {
    store = await createLmdbEventStore({ path: join(dir, 'events') });
    for (let from = 0; from < EVENTS; from += 500) {
      const events = (stream: string) => Array.from({ length: 500 }, (_, n) => ({ id: `00000000-0000-4000-8000-${stream}${String(from + n).padStart(11, '0')}`, type: 'Counted', data: { n: from + n } }));
      // Another stream's events between each of its appends.
      await store.appendToStream('counted', events('1'), from === 0 ? 'no_stream' : BigInt(from - 1));
      await store.appendToStream('other', events('2'), from === 0 ? 'no_stream' : BigInt(from - 1));
    }
  });

  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("visits every event of the stream in order, no other stream's, and says it reached the end", async () => {
    const seen: number[] = [];
    const streams = new Set<string>();
    const ended = await scanStream(store, 'counted', (event) => {
      seen.push(event.data.n as number);
      streams.add(event.streamId);
    });
    expect(seen).toEqual(Array.from({ length: EVENTS }, (_, n) => n));
    expect([...streams]).toEqual(['counted']);
    expect(ended).toBe(true);
  });

  it('stops at the event `visit` refuses and says it did not reach the end', async () => {
    let visited = 0;
    const ended = await scanStream(store, 'counted', (event) => (event.revision === 3_000n ? false : void visited++));
    expect(visited).toBe(3_000);
    expect(ended).toBe(false);
  });

  it('reads a missing stream as empty', async () => {
    let visited = 0;
    expect(await scanStream(store, 'missing', () => void visited++)).toBe(true);
    expect(visited).toBe(0);
  });

  it('lets the event loop run between pages, so that the thread it runs on goes on serving', async () => {
    let visited = 0;
    let visitedWhenServed: number | undefined;
    setImmediate(() => {
      visitedWhenServed = visited;
    });
    await scanStream(store, 'counted', () => void visited++);
    expect(visited).toBe(EVENTS);
    expect(visitedWhenServed).toBeGreaterThan(0);
    expect(visitedWhenServed).toBeLessThan(EVENTS);
  });
});
