// Daily statements over a real LMDB store that holds an older merchant's history: a newer merchant's statement reads
// the store from its registration on, and each statement holds exactly its merchant's sales.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_FEE_SCHEDULE, terminalStream, valueDateOf } from '@posledger/domain';
import { settledSales } from '@posledger/domain/testing';
import { createLmdbEventStore, type EventStore } from '@posledger/event-store';
import { ledgerEventId } from '@posledger/ledger';
import { openRegistry, RegisterMerchantCommand, type Registry } from '@posledger/registry';
import { issueStatement } from './statements';

const SALES_BEFORE = 1_500;
const ZONE = 'Asia/Shanghai';

describe('a daily statement', () => {
  const dir = mkdtempSync(join(tmpdir(), 'posledger-statements-'));
  let store: EventStore;
  let registry: Registry;
  let counted: EventStore;
  let eventsRead = 0;

  beforeAll(async () => {
    store = await createLmdbEventStore({ path: join(dir, 'events') });
    registry = await openRegistry(store);
    const register = (merchantId: string) => registry.execute(new RegisterMerchantCommand({ merchantId, name: merchantId, timeZone: ZONE, currency: 'CNY', feeSchedule: DEFAULT_FEE_SCHEDULE }));
    const sell = (terminalId: string, merchantId: string, minors: string[]) =>
      store.appendToStream(terminalStream(terminalId), settledSales(terminalId, merchantId, minors).map((event, n) => ({ id: ledgerEventId(`${terminalId}/${n}`, event.type, 0), type: event.type, data: event.data })), 'any');
    await register('m-old');
    await sell('t-old', 'm-old', Array.from({ length: SALES_BEFORE }, () => '100'));
    await register('m-new');
    await sell('t-new', 'm-new', ['10000', '2500']);
    counted = { ...store, readAll: async (options) => {
      const page = await store.readAll(options);
      eventsRead += page.length;
      return page;
    } };
  });

  afterAll(async () => {
    await registry.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const salesLine = (csv: string) => csv.split('\n').find((line) => line.includes(',SALES,'))?.split(',').slice(-2);
  const today = () => valueDateOf(new Date().toISOString(), ZONE, 0);

  it("of a newer merchant reads the store from the merchant's registration on", async () => {
    const stored = Number(await store.headPosition()) + 1;
    const registeredAt = Number((await registry.view.merchant('m-new'))?.registered.position);
    eventsRead = 0;
    const issued = await issueStatement({ eventStore: counted, registry }, 'm-new', today());
    expect(salesLine(issued.csv)).toEqual(['2', '12500']);
    expect(registeredAt).toBeGreaterThan(SALES_BEFORE * 2);
    expect(eventsRead).toBeLessThanOrEqual(stored - registeredAt);
  });

  it("of the older merchant reads its whole history, and only its own sales", async () => {
    eventsRead = 0;
    const issued = await issueStatement({ eventStore: counted, registry }, 'm-old', today());
    expect(salesLine(issued.csv)).toEqual([String(SALES_BEFORE), String(SALES_BEFORE * 100)]);
    expect(eventsRead).toBeGreaterThan(SALES_BEFORE * 2);
  });
});
