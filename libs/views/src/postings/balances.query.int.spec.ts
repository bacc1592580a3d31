// Balances on chDB over postings projected from a real terminal ledger's events: cash apart from what is owed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { terminalStream } from '@posledger/domain';
import { replay, TerminalScript, tx } from '@posledger/domain/testing';
import type { RecordedEvent } from '@posledger/event-store';
import { createReadStore, runMigrations, type ReadStore } from '@posledger/read-store';
import { VIEW_MIGRATIONS, VIEW_PROJECTIONS } from '../view-set';
import { queryBalances } from './balances.query';

const AT = Date.parse('2026-11-23T03:00:00.000Z');

describe('balances query', () => {
  let dataDir: string;
  let store: ReadStore;

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
    const log: RecordedEvent[] = events.map((event, n) => ({
      id: `e-${n}`, streamId: terminalStream('t-1'), revision: BigInt(n), position: BigInt(n), type: event.type, data: { ...event.data }, metadata: {},
      recordedAt: new Date(AT + n * 1000).toISOString(),
    }));
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
      cash: { currency: 'CNY', minor: '3000' },
    }]);
  });
});
