import { billStream, DEFAULT_FEE_SCHEDULE, payoutStream, statementStream, terminalStream } from '@posledger/domain';
import type { RecordedEvent } from '@posledger/event-store';
import { counterDay, RECORDED_AT } from './testing/counter-day';
import { terminalActivityKey } from './terminal-activity/terminal-activity.projection';
import type { ViewRow } from './view-row';
import { VIEW_MIGRATIONS, VIEW_PROJECTIONS } from './view-set';

const stored = (streamId: string, type: string, data: Record<string, unknown>, position: number): RecordedEvent => ({
  id: `event-${position}`, streamId, revision: BigInt(position), position: BigInt(position), type, data, metadata: {}, recordedAt: RECORDED_AT,
});

const BILL = { merchantId: 'm-1', source: 'wechat-pay', date: '2026-11-23', sha256: '1'.repeat(64) };
const STATEMENT = { merchantId: 'm-1', date: '2026-11-23', throughPosition: '93', sha256: '0'.repeat(64), csv: 'section\n', issuedAt: '2026-11-23T16:05:00.000Z' };

describe('the view projections over the event store', () => {
  const log: RecordedEvent[] = [
    stored('registry', 'MerchantRegistered', { merchantId: 'm-1', name: 'Shop', timeZone: 'Asia/Shanghai', currency: 'CNY', feeSchedule: DEFAULT_FEE_SCHEDULE }, 0),
    ...counterDay().map((event, n) => stored(terminalStream('t-1'), event.type, event.data, n + 1)),
    stored(payoutStream('m-1'), 'PayoutScheduled', {
      merchantId: 'm-1', payoutId: 'PO-000001', currency: 'CNY', valueDate: '2026-11-24', cutoffAt: '2026-11-23T16:00:00.000Z',
      settled: { currency: 'CNY', minor: '7500' }, fees: { currency: 'CNY', minor: '50' }, amount: { currency: 'CNY', minor: '7450' }, lines: [],
    }, 90),
    stored(payoutStream('m-1'), 'PayoutsCutOff', { merchantId: 'm-1', cutoffAt: '2026-11-23T16:00:00.000Z', throughPosition: '12', carriedForward: [] }, 91),
    stored(payoutStream('m-1'), 'PayoutPaid', { merchantId: 'm-1', payoutId: 'PO-000001', amount: { currency: 'CNY', minor: '7450' }, bankReference: 'B-1', paidAt: '2026-11-24T02:00:00.000Z' }, 92),
    stored(terminalStream('t-1'), 'PayoutPaid', { merchantId: 'm-1', payoutId: 'PO-000002', amount: { currency: 'CNY', minor: '1' }, bankReference: 'B-2', paidAt: '2026-11-24T02:00:00.000Z' }, 93),
    stored(statementStream('m-1'), 'StatementIssued', { ...STATEMENT, version: 1 }, 94),
    stored(payoutStream('m-1'), 'StatementIssued', { ...STATEMENT, version: 2 }, 95),
    stored(billStream('m-1'), 'BillImported', { ...BILL, fileName: 'wx.csv', importedBy: 'li.na', importedAt: '2026-11-24T01:00:00.000Z', lines: [] }, 96),
    stored(billStream('m-1'), 'BillReconciled', {
      ...BILL, throughPosition: '95', reconciledAt: '2026-11-24T01:00:00.000Z', matched: 0,
      discrepancies: [{ discrepancyId: 'DSC-000001', kind: 'MISSING_IN_BILL', tradeKind: 'SALE', reference: 'wx-1', terminalId: 't-1', transactionId: 'tx-1', ledgerAmount: { currency: 'CNY', minor: '100' } }],
      threeWay: [{ scope: 'DAY', terminalId: '', batchNumber: 0, currency: 'CNY', terminalCount: 1, terminalMinor: '100', ledgerCount: 1, ledgerMinor: '100', billCount: 0, billMinor: '0', status: 'MISMATCH' }],
    }, 97),
    stored(billStream('m-1'), 'DiscrepancyResolved', { merchantId: 'm-1', discrepancyId: 'DSC-000001', decision: 'WRITE_OFF', note: '', decidedBy: 'li.na', decidedAt: '2026-11-24T02:00:00.000Z' }, 98),
    stored(statementStream('m-1'), 'BillImported', { ...BILL, fileName: 'wx.csv', importedBy: 'li.na', importedAt: '2026-11-24T01:00:00.000Z', lines: [] }, 99),
    stored('audit-trail', 'QueryAnswered', { merchantId: 'm-1' }, 100),
    stored(terminalStream('t-1'), 'SomethingNotALedgerEvent', { merchantId: 'm-1', terminalId: 't-1' }, 101),
  ];
  const project = (events: readonly RecordedEvent[]) => Object.fromEntries(VIEW_PROJECTIONS.map((projection) => [projection.name, projection.project(events)]));

  it('fills every table its projection names, from terminal streams, the registry, payout, statement and bill streams only', () => {
    const projected = project(log);
    const counts = Object.fromEntries(Object.values(projected).flatMap((tables) => Object.entries(tables).map(([table, rows]) => [table, rows.length])));

    expect(VIEW_PROJECTIONS.map((projection) => [projection.name, projection.tables])).toEqual([
      ['balances', ['postings']],
      ['settlements', ['settlement_batches']],
      ['reports', ['sales_facts', 'transaction_changes', 'ledger_events', 'merchants', 'terminal_sequences', 'shifts']],
      ['disputes', ['disputes']],
      ['terminals', ['terminal_activity']],
      ['payouts', ['payouts']],
      ['statements', ['statements']],
      ['reconciliation', ['bill_files', 'bill_discrepancies', 'bill_three_way']],
    ]);
    expect(counts).toEqual({ postings: 12 + 5, payouts: 2, statements: 1, bill_files: 2, bill_discrepancies: 2, bill_three_way: 1, settlement_batches: 1, sales_facts: 5, transaction_changes: 7, ledger_events: expect.any(Number), terminal_sequences: 0, shifts: 0, disputes: 0, merchants: 1, terminal_activity: 2 });
    const positions = Object.values(projected).flatMap((tables) => Object.values(tables).flat().map((row) => Number(row.position)));
    expect(positions.every((position) => position < 100)).toBe(true);
  });

  it('depends only on the events: projecting them again, or one at a time, gives the same rows (the latest per key where a table keeps only those)', () => {
    const again = project(log);
    const oneByOne = log.map((event) => project([event]));
    const latest = (table: string, rows: readonly ViewRow[]): ViewRow[] =>
      table === 'terminal_activity' ? [...new Map(rows.map((row) => [terminalActivityKey(row), row])).values()] : [...rows];
    const merged = Object.fromEntries(VIEW_PROJECTIONS.map((projection) => [
      projection.name,
      Object.fromEntries(projection.tables.map((table) => [table, latest(table, oneByOne.flatMap((part) => part[projection.name][table]))])),
    ]));

    expect(again).toEqual(project(log));
    expect(merged).toEqual(project(log));
  });

  it("writes a terminal's latest contact of each kind in a batch, not every contact", () => {
    const rows = project(log).terminals.terminal_activity;
    const contacts = log.filter((event) => event.streamId === terminalStream('t-1') && event.type === 'TerminalEventRecorded');

    expect(rows.map((row) => [row.kind, row.position])).toEqual(
      expect.arrayContaining([['EVENT', String(contacts[contacts.length - 1].position)]]),
    );
    expect(new Set(rows.map(terminalActivityKey)).size).toBe(rows.length);
  });

  it('declares no Nullable column: a view checksum sums the hash of each row, and a row holding a NULL hashes to NULL', () => {
    expect(VIEW_MIGRATIONS.filter((migration) => migration.statements.some((statement) => /Nullable\(/.test(statement))).map((migration) => migration.name)).toEqual([]);
  });
});
