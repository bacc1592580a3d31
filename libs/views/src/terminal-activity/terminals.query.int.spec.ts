// The terminals query on chDB over views projected from a real terminal ledger's events.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_FEE_SCHEDULE, terminalStream, type LedgerEvent } from '@posledger/domain';
import { replay, TerminalScript, tx } from '@posledger/domain/testing';
import type { RecordedEvent } from '@posledger/event-store';
import { createReadStore, runMigrations, type ReadStore } from '@posledger/read-store';
import { VIEW_MIGRATIONS, VIEW_PROJECTIONS } from '../view-set';
import { queryTerminals } from './terminals.query';

const AT = '2026-11-23T03:00:00.000Z';

function stored(streamId: string, event: { type: string; data: object }, position: number, recordedAt: string): RecordedEvent {
  return { id: `e-${position}`, streamId, revision: BigInt(position), position: BigInt(position), type: event.type, data: { ...event.data }, metadata: {}, recordedAt };
}

describe('terminals query', () => {
  let dataDir: string;
  let store: ReadStore;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'views-terminals-'));
    store = await createReadStore({ dataDir, database: 'terminals_query' });
    await runMigrations(store, VIEW_MIGRATIONS);
    const t = new TerminalScript('t-1');
    const day: LedgerEvent[] = replay([
      t.event('terminal.heartbeat', { appVersion: '4.2.1', network: 'CELLULAR', signal: 35, paperLow: true }),
      t.signedIn(),
      ...t.cardSaleRequested(tx(1), 'DEBIT', '10000'),
      t.approved(tx(1)),
      t.settlementClosed(1, [{ method: 'DEBIT', count: 1, amountMinor: '10000', currency: 'CNY' }]),
      ...t.qrSaleRequested(tx(2), 'ALIPAY', '2500'),
      t.approved(tx(2)),
      // Cash never joins a batch: the open batch still holds one sale.
      ...t.cashSaleStarted(tx(4), '700'),
      t.cashReceived(tx(4), '1000'),
    ]).events;
    const registry = [
      { type: 'MerchantRegistered', data: { merchantId: 'm-1', name: 'Shop', timeZone: 'Asia/Shanghai', currency: 'CNY', feeSchedule: DEFAULT_FEE_SCHEDULE } },
      { type: 'TerminalProvisioned', data: { terminalId: 't-1', merchantId: 'm-1', secretFingerprint: 'f' } },
      { type: 'TerminalProvisioned', data: { terminalId: 't-2', merchantId: 'm-1', secretFingerprint: 'f' } },
      { type: 'TerminalProvisioned', data: { terminalId: 't-3', merchantId: 'm-1', secretFingerprint: 'f' } },
    ];
    const t3 = new TerminalScript('t-3');
    const neverClosed: LedgerEvent[] = replay([t3.signedIn(), ...t3.qrSaleRequested(tx(3), 'WECHAT_PAY', '900'), t3.approved(tx(3))]).events;
    const log = [
      ...registry.map((event, n) => stored('registry', event, n, AT)),
      ...day.map((event, n) => stored(terminalStream('t-1'), event, n + registry.length, new Date(Date.parse(AT) + n * 1000).toISOString())),
      ...neverClosed.map((event, n) => stored(terminalStream('t-3'), event, n + registry.length + day.length, AT)),
    ];
    for (const projection of VIEW_PROJECTIONS) {
      for (const [table, rows] of Object.entries(projection.project(log))) await store.insert(table, rows);
    }
  });

  afterAll(async () => {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('lists every provisioned terminal, with its last contact, heartbeat, open batch and last settlement', async () => {
    const lastContact = Date.parse(AT) + 30_000;
    const [t1, t2, t3] = await queryTerminals(store, 'm-1', new Date(lastContact), 60_000);

    expect(t1).toMatchObject({
      terminalId: 't-1',
      provisionedAt: AT,
      online: true,
      appVersion: '4.2.1',
      network: 'CELLULAR',
      signal: 35,
      paperLow: true,
      lastHeartbeatAt: AT,
      openBatch: { sales: 1, since: expect.any(String) },
      lastSettlement: { batchNumber: 1, status: 'MATCHED', closedAt: expect.any(String) },
    });
    expect(Date.parse(t1.lastSeenAt ?? '')).toBeGreaterThan(Date.parse(AT));
    expect(t2).toEqual({
      terminalId: 't-2', provisionedAt: AT, lastSeenAt: null, online: false, appVersion: null, network: null, signal: null, paperLow: null,
      lastHeartbeatAt: null, operatorId: null, openBatch: { sales: 0, since: null }, lastSettlement: null,
    });
    expect(t3).toMatchObject({ terminalId: 't-3', online: true, appVersion: null, openBatch: { sales: 1, since: expect.any(String) }, lastSettlement: null });
  });

  it('shows a terminal offline once it has not been seen for longer than the threshold', async () => {
    const [t1] = await queryTerminals(store, 'm-1', new Date(Date.parse(AT) + 10 * 60_000), 60_000);
    expect(t1.online).toBe(false);
  });

  it('lists no terminal of another merchant', async () => {
    expect(await queryTerminals(store, 'm-2', new Date(), 60_000)).toEqual([]);
  });
});
