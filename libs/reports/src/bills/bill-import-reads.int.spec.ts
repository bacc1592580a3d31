// A bill's import over a real LMDB store that holds an older merchant's history: it reads the store from its
// merchant's registration on (none of the merchant's events comes before), and matches exactly its merchant's trades;
// with the merchant's bills kept folded (as the reports app keeps them), a later import or decision reads only what
// the bills stream gained since, not every earlier bill's lines.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { billStream, DEFAULT_FEE_SCHEDULE, terminalStream, wechatPayBillText } from '@posledger/domain';
import { settledSales, walletDay, walletReferenceOf } from '@posledger/domain/testing';
import { createLmdbEventStore, type EventStore } from '@posledger/event-store';
import { openRegistry, RegisterMerchantCommand, type Registry } from '@posledger/registry';
import { billFolds, importBill, resolveDiscrepancy } from './bill-imports';

const SALES_BEFORE = 1_500;
const cny = (minor: string) => ({ currency: 'CNY', minor });
/** The new merchant's WeChat Pay bill of its day: its sale of 120.00, with the fee the ledger charged (60 bp). */
const BILL = wechatPayBillText([{ kind: 'SALE', reference: walletReferenceOf(1), merchantReference: '', refundReference: '', localTime: '2026-11-23 10:00:00', amount: cny('12000'), fee: cny('72') }]);

describe("a bill's import", () => {
  const dir = mkdtempSync(join(tmpdir(), 'posledger-bill-reads-'));
  let store: EventStore;
  let registry: Registry;
  let eventsRead = 0;

  beforeAll(async () => {
    store = await createLmdbEventStore({ path: join(dir, 'events') });
    registry = await openRegistry(store);
    const register = (merchantId: string) => registry.execute(new RegisterMerchantCommand({ merchantId, name: merchantId, timeZone: 'Asia/Shanghai', currency: 'CNY', feeSchedule: DEFAULT_FEE_SCHEDULE }));
    await register('m-old');
    await store.appendToStream(terminalStream('t-old'), settledSales('t-old', 'm-old', Array.from({ length: SALES_BEFORE }, () => '100')).map((event) => ({ id: crypto.randomUUID(), type: event.type, data: event.data })), 'no_stream');
    await register('m-new');
    await store.appendToStream(terminalStream('t-new'), walletDay('m-new').map((event) => ({ id: crypto.randomUUID(), type: event.type, data: event.data })), 'no_stream');
  });

  afterAll(async () => {
    await registry.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("of a newer merchant reads the store from the merchant's registration on, and matches its own trades", async () => {
    const counted: EventStore = { ...store, readAll: async (options) => {
      const page = await store.readAll(options);
      eventsRead += page.length;
      return page;
    } };
    const stored = Number(await store.headPosition()) + 1;
    const registeredAt = Number((await registry.view.merchant('m-new'))?.registered.position);
    const imported = await importBill({ eventStore: counted, registry: registry.view }, { merchantId: 'm-new', source: 'wechat-pay', bytes: Buffer.from(BILL), fileName: 'wx.csv', importedBy: 'li.na' });
    expect(imported).toMatchObject({ imported: true, date: '2026-11-23', lines: 1, matched: 1 });
    // Not on the bill: its sale of 50.00 and its refund of 20.00.
    expect(imported.discrepancies.map(({ kind, tradeKind }) => `${kind} ${tradeKind}`)).toEqual(['MISSING_IN_BILL SALE', 'MISSING_IN_BILL REFUND']);
    expect(registeredAt).toBeGreaterThan(SALES_BEFORE * 2);
    expect(eventsRead).toBeGreaterThan(0);
    expect(eventsRead).toBeLessThanOrEqual(stored - registeredAt);
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
