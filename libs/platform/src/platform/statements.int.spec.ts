// Daily statements over a real LMDB store that holds an older merchant's history: a newer merchant's statement reads
// the store from its registration on, a day's statement after an earlier day's reads from what that one carries, and
// each holds exactly its merchant's sales.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_FEE_SCHEDULE, terminalStream } from '@posledger/domain';
import { settledSales } from '@posledger/domain/testing';
import { createLmdbEventStore, type EventStore } from '@posledger/event-store';
import { ledgerEventId } from '@posledger/ledger';
import { openRegistry, RegisterMerchantCommand, type Registry } from '@posledger/registry';
import { issueStatement } from './statements';
import { withClockAt } from './testing/with-clock-at';

const SALES_BEFORE = 1_500;
const ZONE = 'Asia/Shanghai';
// 10:00 in Shanghai on the 20th and on the 21st.
const DAY_ONE = '2026-11-20T02:00:00.000Z';
const DAY_TWO = '2026-11-21T02:00:00.000Z';

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
    await withClockAt(DAY_ONE, async () => {
      await register('m-old');
      await sell('t-old', 'm-old', Array.from({ length: SALES_BEFORE }, () => '100'));
    });
    await withClockAt(DAY_TWO, async () => {
      await register('m-new');
      await sell('t-new', 'm-new', ['10000', '2500']);
      await sell('t-old-2', 'm-old', ['2500']);
    });
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

  const line = (csv: string, section: string) => csv.split('\n').find((row) => row.includes(`,${section},`))?.split(',').slice(-2);

  it("of a newer merchant reads the store from the merchant's registration on", async () => {
    const stored = Number(await store.headPosition()) + 1;
    const registeredAt = Number((await registry.view.merchant('m-new'))?.registered.position);
    eventsRead = 0;
    const issued = await issueStatement({ eventStore: counted, registry }, 'm-new', '2026-11-21');
    expect(line(issued.csv, 'SALES')).toEqual(['2', '12500']);
    expect(registeredAt).toBeGreaterThan(SALES_BEFORE * 2);
    expect(eventsRead).toBeLessThanOrEqual(stored - registeredAt);
  });

  it("of the older merchant's first day reads its whole history, and only its own sales", async () => {
    eventsRead = 0;
    const issued = await issueStatement({ eventStore: counted, registry }, 'm-old', '2026-11-20');
    expect(line(issued.csv, 'SALES')).toEqual([String(SALES_BEFORE), String(SALES_BEFORE * 100)]);
    expect(eventsRead).toBeGreaterThan(SALES_BEFORE * 2);
  });

  it("of its next day reads from where the first day's statement left off, and opens with its closing balance", async () => {
    const stored = Number(await store.headPosition()) + 1;
    const [dayOne] = (await store.readStream('statements-m-old')).map((event) => event.data as { csv: string; carry: { fromPosition: string } });
    eventsRead = 0;
    const issued = await issueStatement({ eventStore: counted, registry }, 'm-old', '2026-11-21');
    expect(line(issued.csv, 'OPENING')?.[1]).toBe(line(dayOne.csv, 'CLOSING')?.[1]);
    expect(line(issued.csv, 'SALES')).toEqual(['1', '2500']);
    expect(Number(dayOne.carry.fromPosition)).toBeGreaterThan(SALES_BEFORE * 2);
    expect(eventsRead).toBeLessThanOrEqual(stored - Number(dayOne.carry.fromPosition));
  });
});
