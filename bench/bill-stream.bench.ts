// A merchant's bills stream as its days add up: a day's WeChat Pay bill of 1,000 lines imported after 30, 90 and 180
// days of bills, with the merchant's bills kept folded as the reports app keeps them (the stream read on from where
// it was last read), against one whole fold of the stream in the same run, which every import and decision made
// before (and `posledger bills import`, a process of its own, still makes).
import { join } from 'node:path';
import { billStream, DEFAULT_FEE_SCHEDULE, evolveBills, initialBillsState, wechatPayBillText, type BillEvent, type BillFileLine, type BillsState } from '@posledger/domain';
import { aggregateStream, createLmdbEventStore, type EventStore } from '@posledger/event-store';
import { openRegistry, RegisterMerchantCommand } from '@posledger/registry';
import { billFolds, importBill } from '@posledger/reports';
import { runBench, withTempDir } from './support/temp-dir';

const MERCHANT = 'm-bills';
const DAYS = 180;
const MEASURED_AFTER = [30, 90, DAYS];
const LINES = 1_000;
const FIRST_DAY = Date.UTC(2026, 0, 1);

const dateOf = (day: number) => new Date(FIRST_DAY + day * 86_400_000).toISOString().slice(0, 10);

function bill(day: number): Buffer {
  const date = dateOf(day);
  const lines: BillFileLine[] = Array.from({ length: LINES }, (_, n) => {
    const second = Math.floor((n * 86_400) / LINES);
    const localTime = `${date} ${String(Math.floor(second / 3600)).padStart(2, '0')}:${String(Math.floor(second / 60) % 60).padStart(2, '0')}:${String(second % 60).padStart(2, '0')}`;
    const minor = String(100 + ((n * 7919 + day) % 99_900));
    return { kind: 'SALE', reference: `4200${String(day).padStart(4, '0')}${String(n).padStart(14, '0')}`, merchantReference: `tx-${day}-${n}`, refundReference: '', localTime, amount: { currency: 'CNY', minor }, fee: { currency: 'CNY', minor: '1' } };
  });
  return Buffer.from(wechatPayBillText(lines));
}

async function main(): Promise<void> {
  await withTempDir('posledger-bench-bill-stream-', async (dir) => {
    const store = await createLmdbEventStore({ path: join(dir, 'events') });
    const read = { events: 0 };
    const eventStore: EventStore = { ...store, readStream: async (streamId, fromRevision, maxCount) => {
      const events = await store.readStream(streamId, fromRevision, maxCount);
      if (streamId === billStream(MERCHANT)) read.events += events.length;
      return events;
    } };
    const registry = await openRegistry(store);
    const stores = { eventStore, registry: registry.view, bills: billFolds(eventStore) };
    try {
      await registry.execute(new RegisterMerchantCommand({ merchantId: MERCHANT, name: MERCHANT, timeZone: 'Asia/Shanghai', currency: 'CNY', feeSchedule: DEFAULT_FEE_SCHEDULE }));
      for (let day = 0; day <= DAYS; day++) {
        const bytes = bill(day);
        read.events = 0;
        const started = performance.now();
        await importBill(stores, { merchantId: MERCHANT, source: 'wechat-pay', bytes, fileName: `wx-${dateOf(day)}.csv`, importedBy: 'bench' });
        const importMs = performance.now() - started;
        if (!MEASURED_AFTER.includes(day)) continue;
        const importRead = read.events;
        const wholeStarted = performance.now();
        const whole = await aggregateStream<BillsState, BillEvent>(store, billStream(MERCHANT), { evolve: evolveBills, initialState: initialBillsState });
        const wholeMs = performance.now() - wholeStarted;
        console.log(
          `after ${day} days of bills: the import of ${dateOf(day)}'s (${LINES.toLocaleString('en-US')} lines, ${(bytes.length / 1024).toFixed(0)} KiB) with the bills kept folded: ${importMs.toFixed(0)} ms, ` +
            `${importRead} events of the bills stream read; one whole fold of the stream, as each import and decision made before: ${wholeMs.toFixed(0)} ms, ${Number(whole.revision) + 1} events`,
        );
      }
    } finally {
      await registry.close();
      await store.close();
    }
  });
}

runBench(main);
