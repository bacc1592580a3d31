// A merchant's first payout run over a real LMDB store that already holds another merchant's history: it reads the
// store from the merchant's registration on, not from its start, and pays what its terminals settled.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_FEE_SCHEDULE, payoutStream, terminalStream, type LedgerEvent } from '@posledger/domain';
import { settledSales } from '@posledger/domain/testing';
import { createLmdbEventStore, type EventStore } from '@posledger/event-store';
import { openRegistry, RegisterMerchantCommand, type Registry } from '@posledger/registry';
import { ledgerEventId } from '../terminal-ledger/ledger-event-id';
import { PayoutMovementsReader } from './payout-movements.reader';
import { PayoutsAppend } from './payouts-append';
import { RunPayoutsCommand } from './payouts.commands';
import { RunPayoutsService } from './payouts.services';

const SALES_BEFORE = 1_500;

async function append(store: EventStore, terminalId: string, events: readonly LedgerEvent[]): Promise<void> {
  await store.appendToStream(terminalStream(terminalId), events.map((event, n) => ({ id: ledgerEventId(`${terminalId}/${n}`, event.type, 0), type: event.type, data: event.data })), 'any');
}

describe("a merchant's first payout run", () => {
  const dir = mkdtempSync(join(tmpdir(), 'posledger-run-payouts-'));
  let store: EventStore;
  let registry: Registry;
  let eventsRead = 0;
  let run: RunPayoutsService;

  beforeAll(async () => {
    store = await createLmdbEventStore({ path: join(dir, 'events') });
    registry = await openRegistry(store);
    const register = (merchantId: string) => registry.execute(new RegisterMerchantCommand({ merchantId, name: merchantId, timeZone: 'Asia/Shanghai', currency: 'CNY', feeSchedule: DEFAULT_FEE_SCHEDULE }));
    await register('m-old');
    await append(store, 't-old', settledSales('t-old', 'm-old', Array.from({ length: SALES_BEFORE }, () => '100')));
    await register('m-new');
    await append(store, 't-new', settledSales('t-new', 'm-new', ['10000', '2500']));
    const counted: EventStore = { ...store, readAll: async (options) => {
      const page = await store.readAll(options);
      eventsRead += page.length;
      return page;
    } };
    run = new RunPayoutsService(new PayoutsAppend(counted), new PayoutMovementsReader(counted), registry.view);
  });

  afterAll(async () => {
    await registry.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const payoutsOf = async (merchantId: string) =>
    (await store.readStream(payoutStream(merchantId))).filter((event) => event.type === 'PayoutScheduled').map((event) => (event.data as { settled: { minor: string } }).settled.minor);
  const cutoffAt = () => new Date(Date.now() + 1_000).toISOString();

  it('reads the store from its registration and pays what its terminals settled', async () => {
    const stored = Number(await store.headPosition()) + 1;
    eventsRead = 0;
    await run.execute(new RunPayoutsCommand('m-new', cutoffAt(), '2026-12-05'));
    expect(await payoutsOf('m-new')).toEqual(['12500']);
    const registeredAt = Number((await registry.view.merchant('m-new'))?.registered.position);
    expect(registeredAt).toBeGreaterThan(SALES_BEFORE * 2);
    expect(eventsRead).toBeLessThanOrEqual(stored - registeredAt);
  });

  it("reads the older merchant's history from the start: its registration is there", async () => {
    eventsRead = 0;
    await run.execute(new RunPayoutsCommand('m-old', cutoffAt(), '2026-12-05'));
    expect(await payoutsOf('m-old')).toEqual([String(SALES_BEFORE * 100)]);
    expect(eventsRead).toBeGreaterThan(SALES_BEFORE * 2);
  });
});
