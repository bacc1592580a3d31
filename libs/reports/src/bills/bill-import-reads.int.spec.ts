// A bill's import over a real LMDB store that holds an older merchant's history: it reads its merchant's terminals'
// streams, not the other merchant's events (nor, on a store that cannot place a stream's events in its order, the
// store before its merchant's registration), and matches exactly its merchant's trades;
// with the merchant's bills kept folded (as the reports app keeps them), a later import or decision reads only what
// the bills stream gained since, not every earlier bill's lines.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { billStream, DEFAULT_FEE_SCHEDULE, terminalStream, wechatPayBillText } from '@posledger/domain';
import { settledSales, walletDay, walletReferenceOf } from '@posledger/domain/testing';
import { createLmdbEventStore, type EventStore } from '@posledger/event-store';
import { openRegistry, ProvisionTerminalCommand, RegisterMerchantCommand, type Registry } from '@posledger/registry';
import { billFolds, importBill, resolveDiscrepancy } from './bill-imports';

// Each store takes 1,500 sales through the decider and 18,004 events appended in one call: 2-4 s under the suite's
// load, near Jest's default 5 s (one clean-clone run timed out on it).
jest.setTimeout(60_000);

const SALES_BEFORE = 1_500;
const cny = (minor: string) => ({ currency: 'CNY', minor });
/** The new merchant's WeChat Pay bill of its day: its sale of 120.00, with the fee the ledger charged (60 bp). */
const BILL = wechatPayBillText([{ kind: 'SALE', reference: walletReferenceOf(1), merchantReference: '', refundReference: '', localTime: '2026-11-23 10:00:00', amount: cny('12000'), fee: cny('72') }]);

describe("a bill's import", () => {
  const dir = mkdtempSync(join(tmpdir(), 'posledger-bill-reads-'));
  let store: EventStore;
  let registry: Registry;

  /** A store holding an older merchant's 1,500 settled sales, then a newer merchant's day of wallet trades. */
  async function openFixture(path: string): Promise<{ store: EventStore; registry: Registry }> {
    const events = await createLmdbEventStore({ path });
    const opened = await openRegistry(events);
    const register = (merchantId: string) => opened.execute(new RegisterMerchantCommand({ merchantId, name: merchantId, timeZone: 'Asia/Shanghai', currency: 'CNY', feeSchedule: DEFAULT_FEE_SCHEDULE }));
    const provision = (terminalId: string, merchantId: string) => opened.execute(new ProvisionTerminalCommand({ terminalId, merchantId, secretFingerprint: 'sha256:test' }));
    await register('m-old');
    await provision('t-old', 'm-old');
    await events.appendToStream(terminalStream('t-old'), settledSales('t-old', 'm-old', Array.from({ length: SALES_BEFORE }, () => '100')).map((event) => ({ id: crypto.randomUUID(), type: event.type, data: event.data })), 'no_stream');
    await register('m-new');
    await provision('t-new', 'm-new');
    await events.appendToStream(terminalStream('t-new'), walletDay('m-new').map((event) => ({ id: crypto.randomUUID(), type: event.type, data: event.data })), 'no_stream');
    return { store: events, registry: opened };
  }

  beforeAll(async () => {
    ({ store, registry } = await openFixture(join(dir, 'events')));
  });

  afterAll(async () => {
    await registry.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The store, counting the events each read returns: by readAll, and by readStream per stream. */
  function counted(base: EventStore, positionsKnown = true): { store: EventStore; readAll: () => number; streams: Map<string, number> } {
    let readAll = 0;
    const streams = new Map<string, number>();
    return {
      readAll: () => readAll,
      streams,
      store: {
        ...base,
        readAll: async (options) => {
          const page = await base.readAll(options);
          readAll += page.length;
          return page;
        },
        readStream: async (streamId, fromRevision, maxCount) => {
          const events = await base.readStream(streamId, fromRevision, maxCount);
          streams.set(streamId, (streams.get(streamId) ?? 0) + events.length);
          // As EventStoreDB's may: a stream's events whose place in the store's order is unknown.
          return positionsKnown ? events : events.map((event) => ({ ...event, position: -1n }));
        },
      },
    };
  }

  it("of a newer merchant reads its own terminals' streams alone, and matches its own trades", async () => {
    const reads = counted(store);
    const imported = await importBill({ eventStore: reads.store, registry: registry.view }, { merchantId: 'm-new', source: 'wechat-pay', bytes: Buffer.from(BILL), fileName: 'wx.csv', importedBy: 'li.na' });
    expect(imported).toMatchObject({ imported: true, date: '2026-11-23', lines: 1, matched: 1, throughPosition: String((await store.headPosition()) - 3n) });
    // Not on the bill: its sale of 50.00 and its refund of 20.00.
    expect(imported.discrepancies.map(({ kind, tradeKind }) => `${kind} ${tradeKind}`)).toEqual(['MISSING_IN_BILL SALE', 'MISSING_IN_BILL REFUND']);
    expect(reads.readAll()).toBe(0);
    expect(reads.streams.get(terminalStream('t-new'))).toBe(walletDay('m-new').length);
    expect(reads.streams.has(terminalStream('t-old'))).toBe(false);
  });

  it("on a store that cannot place a stream's events, reads the store from the merchant's registration on, and matches the same", async () => {
    const other = await openFixture(join(dir, 'events-unplaced'));
    try {
      const reads = counted(other.store, false);
      const stored = Number(await other.store.headPosition());
      const registeredAt = Number((await other.registry.view.merchant('m-new'))?.registered.position);
      const imported = await importBill({ eventStore: reads.store, registry: other.registry.view }, { merchantId: 'm-new', source: 'wechat-pay', bytes: Buffer.from(BILL), fileName: 'wx.csv', importedBy: 'li.na' });
      expect(imported).toMatchObject({ imported: true, date: '2026-11-23', lines: 1, matched: 1, throughPosition: String(stored - 1) });
      expect(imported.discrepancies.map(({ kind, tradeKind }) => `${kind} ${tradeKind}`)).toEqual(['MISSING_IN_BILL SALE', 'MISSING_IN_BILL REFUND']);
      expect(registeredAt).toBeGreaterThan(SALES_BEFORE * 2);
      expect(reads.readAll()).toBeGreaterThan(0);
      expect(reads.readAll()).toBeLessThanOrEqual(stored - registeredAt);
    } finally {
      await other.registry.close();
      await other.store.close();
    }
  });

  it('with its bills kept folded, reads each event of the bills stream once over imports and decisions', async () => {
    const read = new Map<string, number>();
    const counted: EventStore = { ...store, readStream: async (streamId, fromRevision, maxCount) => {
      const events = await store.readStream(streamId, fromRevision, maxCount);
      if (streamId === billStream('m-new')) events.forEach(({ id }) => read.set(id, (read.get(id) ?? 0) + 1));
      return events;
    } };
    const stores = { eventStore: counted, registry: registry.view, bills: billFolds(counted) };
    const bill = (date: string, minor: string) => Buffer.from(wechatPayBillText([{ kind: 'SALE', reference: `42000${date.replaceAll('-', '')}`, merchantReference: '', refundReference: '', localTime: `${date} 10:00:00`, amount: cny(minor), fee: cny('0') }]));
    const first = await importBill(stores, { merchantId: 'm-new', source: 'wechat-pay', bytes: bill('2026-11-24', '100'), fileName: 'wx-24.csv', importedBy: 'li.na' });
    await importBill(stores, { merchantId: 'm-new', source: 'wechat-pay', bytes: bill('2026-11-25', '200'), fileName: 'wx-25.csv', importedBy: 'li.na' });
    await resolveDiscrepancy(stores, { merchantId: 'm-new', discrepancyId: first.discrepancies[0].discrepancyId, decision: 'INVESTIGATE', note: '', decidedBy: 'li.na' });
    // Two events per import (the bill and its reconciliation), one per decision, in this test and the one before;
    // the last was appended after the last read.
    expect((await store.readStream(billStream('m-new'))).length).toBe(7);
    expect(Math.max(...read.values())).toBe(1);
    expect(read.size).toBe(6);
  });
});
