import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { terminalStream, type LedgerEvent } from '@posledger/domain';
import { settledSales } from '@posledger/domain/testing';
import { createLmdbEventStore, type EventStore } from '@posledger/event-store';
import { ledgerEventId } from '../terminal-ledger/ledger-event-id';
import { PayoutMovementsReader } from './payout-movements.reader';

async function append(store: EventStore, terminalId: string, events: readonly LedgerEvent[]): Promise<void> {
  await store.appendToStream(terminalStream(terminalId), events.map((event, n) => ({ id: ledgerEventId(`${terminalId}/${n}`, event.type, 0), type: event.type, data: event.data })), 'any');
}

describe('the payout movements reader', () => {
  const dir = mkdtempSync(join(tmpdir(), 'posledger-payout-movements-'));
  let store: EventStore;

  beforeAll(async () => {
    store = await createLmdbEventStore({ path: join(dir, 'events') });
  });

  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("reads the merchant's movements recorded before the cut-off, stops at the first after it, and the next read starts there", async () => {
    await append(store, 't-a', settledSales('t-a', 'm-a', ['10000']));
    await append(store, 't-b', settledSales('t-b', 'm-b', ['7000']));
    await new Promise((resolve) => setTimeout(resolve, 5));
    const cutoffAt = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await append(store, 't-c', settledSales('t-c', 'm-a', ['3000']));
    const reader = new PayoutMovementsReader(store);

    const first = await reader.read('m-a', 0n, cutoffAt);
    expect(first.movements.map(({ terminalId, eventType, settled, fees }) => ({ terminalId, eventType, settled, fees }))).toEqual([
      { terminalId: 't-a', eventType: 'BatchClosed', settled: '10000', fees: '50' },
    ]);
    const head = await store.headPosition();
    expect(first.throughPosition).toBeLessThan(head - 1n);

    const second = await reader.read('m-a', first.throughPosition + 1n, new Date(Date.now() + 1_000).toISOString());
    expect(second.movements.map(({ terminalId, settled }) => ({ terminalId, settled }))).toEqual([{ terminalId: 't-c', settled: '3000' }]);
    expect(second.throughPosition).toBe(head - 1n);
  });

  it('shares one scan of a range between merchants reading it, with the same movements as reading it alone', async () => {
    await append(store, 't-d', settledSales('t-d', 'm-b', ['4000']));
    const cutoffAt = new Date(Date.now() + 1_000).toISOString();
    let pagesRead = 0;
    const counted: EventStore = { ...store, readAll: (options) => (pagesRead++, store.readAll(options)) };
    const reader = new PayoutMovementsReader(counted);

    const alone = [await reader.read('m-a', 0n, cutoffAt), await reader.read('m-b', 0n, cutoffAt), await reader.read('m-z', 0n, cutoffAt)];
    const pagesAlone = pagesRead;
    pagesRead = 0;
    const shared = await reader.sharingScans(async () => [await reader.read('m-a', 0n, cutoffAt), await reader.read('m-b', 0n, cutoffAt), await reader.read('m-z', 0n, cutoffAt)]);

    expect(shared).toEqual(alone);
    expect(shared[1].movements.map(({ terminalId, settled }) => ({ terminalId, settled }))).toEqual([
      { terminalId: 't-b', settled: '7000' },
      { terminalId: 't-d', settled: '4000' },
    ]);
    expect(shared[2].movements).toEqual([]);
    expect(pagesRead).toBe(pagesAlone / 3);

    pagesRead = 0;
    await reader.read('m-a', 0n, cutoffAt);
    expect(pagesRead).toBe(pagesAlone / 3);
  });
});
