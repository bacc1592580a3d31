// Balances on chDB over postings projected from a real terminal ledger's events and payouts: cash apart from what is
// owed, and what is owed apart from what payouts took.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { payoutStream, terminalStream, type LedgerEvent, type PayoutEvent } from '@posledger/domain';
import { replay, TerminalScript, tx } from '@posledger/domain/testing';
import type { RecordedEvent } from '@posledger/event-store';
import { createReadStore, runMigrations, toClickHouseDateTime, type ReadStore } from '@posledger/read-store';
import { VIEW_MIGRATIONS, VIEW_PROJECTIONS } from '../view-set';
import { queryBalances, type Balance } from './balances.query';

const AT = Date.parse('2026-11-23T03:00:00.000Z');
const CNY = (minor: string) => ({ currency: 'CNY', minor });

/** m-2 (t-2): a batch of 10000 paid out, then a batch of 20000 whose payout the bank returns (CREDIT: 1.8% fees). */
function payoutDays(): { streamId: string; event: LedgerEvent | PayoutEvent }[] {
  const t = new TerminalScript('t-2');
  const ledger = replay([
    t.signedIn(),
    ...t.cardSaleRequested(tx(11), 'CREDIT', '10000'), t.approved(tx(11)),
    t.settlementClosed(1, [{ method: 'CREDIT', count: 1, amountMinor: '10000', currency: 'CNY' }]),
    ...t.cardSaleRequested(tx(12), 'CREDIT', '20000'), t.approved(tx(12)),
    t.settlementClosed(2, [{ method: 'CREDIT', count: 1, amountMinor: '20000', currency: 'CNY' }]),
  ], { merchantId: 'm-2' }).events;
  const firstBatch = ledger.findIndex((event) => event.type === 'BatchClosed') + 1;
  const scheduled = (payoutId: string, valueDate: string, settled: string, fees: string, amount: string): PayoutEvent => ({
    type: 'PayoutScheduled',
    data: { merchantId: 'm-2', payoutId, currency: 'CNY', valueDate, cutoffAt: `${valueDate}T00:00:00.000Z`, settled: CNY(settled), fees: CNY(fees), amount: CNY(amount), lines: [] },
  });
  const payouts: PayoutEvent[][] = [
    [
      scheduled('PO-000001', '2026-11-24', '10000', '180', '9820'),
      { type: 'PayoutPaid', data: { merchantId: 'm-2', payoutId: 'PO-000001', amount: CNY('9820'), bankReference: 'B-1', paidAt: '2026-11-24T02:00:00.000Z' } },
    ],
    [
      scheduled('PO-000002', '2026-11-25', '20000', '360', '19640'),
      { type: 'PayoutFailed', data: { merchantId: 'm-2', payoutId: 'PO-000002', amount: CNY('19640'), settled: CNY('20000'), fees: CNY('360'), reason: 'account closed', failedAt: '2026-11-25T03:00:00.000Z' } },
    ],
  ];
  const onTerminal = (events: LedgerEvent[]) => events.map((event) => ({ streamId: terminalStream('t-2'), event }));
  const onPayouts = (events: PayoutEvent[]) => events.map((event) => ({ streamId: payoutStream('m-2'), event }));
  return [...onTerminal(ledger.slice(0, firstBatch)), ...onPayouts(payouts[0]), ...onTerminal(ledger.slice(firstBatch)), ...onPayouts(payouts[1])];
}

/** What the merchant's card and QR sales came to, less refunds, lost disputes and fees: wherever it is now. */
const netTakings = ({ paidOut, inTransit, available, held }: Balance): bigint => [paidOut, inTransit, available, held].reduce((sum, { minor }) => sum + BigInt(minor), 0n);

describe('balances query', () => {
  let dataDir: string;
  let store: ReadStore;
  let failedAt: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'views-balances-'));
    store = await createReadStore({ dataDir, database: 'balances_query' });
    await runMigrations(store, VIEW_MIGRATIONS);
    const t = new TerminalScript('t-1');
    const events = replay([
      t.signedIn(),
      ...t.cardSaleRequested(tx(1), 'CREDIT', '10000'), t.approved(tx(1)),
      ...t.cashSaleStarted(tx(2), '3500'), t.cashReceived(tx(2), '5000'),
      ...t.cashSaleStarted(tx(3), '800'), t.cashReceived(tx(3), '800'),
      t.settlementClosed(1, [{ method: 'CREDIT', count: 1, amountMinor: '10000', currency: 'CNY' }]),
      t.voided(tx(4), tx(3)),
      t.refundApproved(tx(5), tx(2), '500'),
    ]).events;
    const log: RecordedEvent[] = [...events.map((event) => ({ streamId: terminalStream('t-1'), event })), ...payoutDays()].map(({ streamId, event }, n) => ({
      id: `e-${n}`, streamId, revision: BigInt(n), position: BigInt(n), type: event.type, data: { ...event.data }, metadata: {}, recordedAt: new Date(AT + n * 1000).toISOString(),
    }));
    failedAt = log.find((event) => event.type === 'PayoutFailed')?.recordedAt ?? '';
    for (const projection of VIEW_PROJECTIONS) {
      for (const [table, rows] of Object.entries(projection.project(log))) await store.insert(table, rows);
    }
  });

  afterAll(async () => {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps cash sales, less cash voids and refunds, apart from what the merchant is owed', async () => {
    expect(await queryBalances(store, 'm-1')).toEqual([{
      currency: 'CNY',
      pending: { currency: 'CNY', minor: '0' },
      settled: { currency: 'CNY', minor: '10000' },
      fees: { currency: 'CNY', minor: '180' },
      available: { currency: 'CNY', minor: '9820' },
      held: { currency: 'CNY', minor: '0' },
      inTransit: { currency: 'CNY', minor: '0' },
      paidOut: { currency: 'CNY', minor: '0' },
      cash: { currency: 'CNY', minor: '3000' },
    }]);
  });

  it('takes a scheduled payout out of available into inTransit, a paid one into paidOut, and gives a failed one back to available', async () => {
    const [beforeFailure] = await queryBalances(store, 'm-2', toClickHouseDateTime(failedAt));
    const [now] = await queryBalances(store, 'm-2');

    expect(beforeFailure).toMatchObject({
      settled: CNY('30000'), fees: CNY('540'), available: CNY('0'), held: CNY('0'), inTransit: CNY('19640'), paidOut: CNY('9820'),
    });
    // settled and fees mean what they meant before payouts existed: every settled sale and every fee, paid out or not.
    expect(now).toEqual({
      currency: 'CNY', pending: CNY('0'), settled: CNY('30000'), fees: CNY('540'), available: CNY('19640'), held: CNY('0'), inTransit: CNY('0'), paidOut: CNY('9820'), cash: CNY('0'),
    });
    expect([netTakings(beforeFailure), netTakings(now)]).toEqual([30000n - 540n, 30000n - 540n]);
  });
});
