// scanAll over a real LMDB store: every event in order, a stop where `visit` says, and the event loop served between
// pages (the embedded store reads without waiting, so a scan without those turns would hold its thread to the end).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLmdbEventStore } from '../lmdb/lmdb-event-store';
import type { EventStore } from '../event-store.port';
import { scanAll } from './scan-all';

const EVENTS = 5_000;

describe('scanAll', () => {
  const dir = mkdtempSync(join(tmpdir(), 'posledger-scan-all-'));
  let store: EventStore;

  beforeAll(async () => {
    store = await createLmdbEventStore({ path: join(dir, 'events') });
    for (let from = 0; from < EVENTS; from += 500) {
      await store.appendToStream(`s-${from}`, Array.from({ length: 500 }, (_, n) => ({ id: `00000000-0000-4000-8000-${String(from + n).padStart(12, '0')}`, type: 'Counted', data: { n: from + n } })), 'no_stream');
    }
  });

  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('visits every event in the global order and returns the last position read', async () => {
    const seen: number[] = [];
    const through = await scanAll(store, 0n, (event) => void seen.push(event.data.n as number));
    expect(seen).toEqual(Array.from({ length: EVENTS }, (_, n) => n));
    expect(through).toBe(BigInt(EVENTS - 1));
  });

  it('stops before the event `visit` refuses and returns the position before it', async () => {
    let visited = 0;
    const through = await scanAll(store, 10n, (event) => (event.position === 3_010n ? false : void visited++));
    expect(visited).toBe(3_000);
    expect(through).toBe(3_009n);
  });

  it('lets the event loop run between pages, so that the thread it runs on goes on serving', async () => {
    let visited = 0;
    let visitedWhenServed: number | undefined;
    setImmediate(() => {
      visitedWhenServed = visited;
    });
    await scanAll(store, 0n, () => void visited++);
    expect(visited).toBe(EVENTS);
    expect(visitedWhenServed).toBeGreaterThan(0);
    expect(visitedWhenServed).toBeLessThan(EVENTS);
  });
});
