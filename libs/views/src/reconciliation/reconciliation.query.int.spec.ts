// The reconciliation query on chDB over the views projected from a day's ledger and bill streams, as the decider recorded them.
import { billsDecider, billStream, ledgerTradesOf, terminalStream, type BillEvent, type BillLine, type BillsCommand } from '@posledger/domain';
import { tx, walletDay, walletReferenceOf } from '@posledger/domain/testing';
import type { ReadStore } from '@posledger/read-store';
import { projectedReadStore } from '../testing/projected-read-store';
import { queryReconciliation } from './reconciliation.query';

const cny = (minor: string) => ({ currency: 'CNY', minor });
const line = (lineNumber: number, kind: BillLine['kind'], reference: string, amount: string, fee: string): BillLine =>
  ({ lineNumber, kind, reference, merchantReference: '', refundReference: '', localTime: '2026-11-23 10:00:00', amount: cny(amount), fee: cny(fee) });

function decided(history: BillEvent[], command: BillsCommand): BillEvent[] {
  return billsDecider.decide(command, history.reduce(billsDecider.evolve, billsDecider.initialState()));
}

const importing = (merchantId: string, lines: BillLine[], sha256: string): BillsCommand => ({
  type: 'ImportBill',
  data: {
    merchantId, timeZone: 'Asia/Shanghai', bill: { source: 'wechat-pay', date: '2026-11-23', lines }, sha256, fileName: `${sha256.slice(0, 4)}.csv`, importedBy: 'li.na',
    now: '2026-11-24T01:00:00.000Z', ledger: ledgerTradesOf(walletDay(merchantId)), throughPosition: 30n,
  },
});

describe('reconciliation query', () => {
  let views: Awaited<ReturnType<typeof projectedReadStore>>;
  let store: ReadStore;

  beforeAll(async () => {
    // m-1: a bill with a wrong fee and a sale missing, a decision on the first, then the same file corrected but for the sale.
    const bills: BillEvent[] = [];
    bills.push(...decided(bills, importing('m-1', [line(2, 'SALE', walletReferenceOf(1), '12000', '99'), line(3, 'REFUND', walletReferenceOf(1), '2000', '0')], 'a'.repeat(64))));
    bills.push(...decided(bills, { type: 'ResolveDiscrepancy', data: { merchantId: 'm-1', discrepancyId: 'DSC-000001', decision: 'INVESTIGATE', note: 'asked WeChat Pay', decidedBy: 'li.na', now: '2026-11-24T02:00:00.000Z' } }));
    bills.push(...decided(bills, importing('m-1', [line(2, 'SALE', walletReferenceOf(1), '12000', '72'), line(3, 'REFUND', walletReferenceOf(1), '2000', '0')], 'b'.repeat(64))));
    bills.push(...decided(bills, { type: 'ResolveDiscrepancy', data: { merchantId: 'm-1', discrepancyId: 'DSC-000003', decision: 'INVESTIGATE', note: 'asked the cashier', decidedBy: 'li.na', now: '2026-11-24T03:00:00.000Z' } }));
    bills.push(...decided(bills, { type: 'ResolveDiscrepancy', data: { merchantId: 'm-1', discrepancyId: 'DSC-000003', decision: 'WRITE_OFF', note: 'paid in cash', decidedBy: 'wang.fang', now: '2026-11-24T04:00:00.000Z' } }));
    const other = decided([], importing('m-2', [line(2, 'SALE', 'wx-other', '1', '0')], 'c'.repeat(64)));
    views = await projectedReadStore('reconciliation_query', [
      ...walletDay('m-1').map((event) => ({ streamId: terminalStream('t-1'), ...event })),
      ...bills.map((event) => ({ streamId: billStream('m-1'), ...event })),
      ...other.map((event) => ({ streamId: billStream('m-2'), ...event })),
    ], Date.parse('2026-11-24T01:00:00.000Z'));
    store = views.store;
  });

  afterAll(() => views.close());

  it('lists every file imported for the day, the latest of its source current', async () => {
    const { files } = await queryReconciliation(store, 'm-1', '2026-11-23');
    expect(files.map(({ sha256, fileName, importedBy, lines, matched, discrepancies, throughPosition, current }) => ({ sha256, fileName, importedBy, lines, matched, discrepancies, throughPosition, current }))).toEqual([
      { sha256: 'a'.repeat(64), fileName: 'aaaa.csv', importedBy: 'li.na', lines: 2, matched: 1, discrepancies: 2, throughPosition: '30', current: false },
      { sha256: 'b'.repeat(64), fileName: 'bbbb.csv', importedBy: 'li.na', lines: 2, matched: 2, discrepancies: 1, throughPosition: '30', current: true },
    ]);
  });

  it("shows the current file's discrepancies with both sides' figures, and every decision on each, the latest its status", async () => {
    const decisions = [
      { decision: 'INVESTIGATE', note: 'asked the cashier', decidedBy: 'li.na', decidedAt: '2026-11-24T03:00:00.000Z' },
      { decision: 'WRITE_OFF', note: 'paid in cash', decidedBy: 'wang.fang', decidedAt: '2026-11-24T04:00:00.000Z' },
    ];
    expect((await queryReconciliation(store, 'm-1', '2026-11-23')).discrepancies).toEqual([{
      id: 'DSC-000003', source: 'wechat-pay', sha256: 'b'.repeat(64), kind: 'MISSING_IN_BILL', tradeKind: 'SALE', reference: walletReferenceOf(3), terminalId: 't-1', transactionId: tx(3),
      ledgerAmount: cny('5000'), ledgerFee: cny('30'), status: 'WRITE_OFF', decision: decisions[1], decisions, foundAt: '2026-11-24T01:00:00.000Z',
    }]);
    expect((await queryReconciliation(store, 'm-2', '2026-11-23')).discrepancies[0]).toMatchObject({ status: 'OPEN', decisions: [] });
  });

  it('keeps a superseded file’s discrepancies with their decisions out of the day, and another merchant’s and another day’s out', async () => {
    const day = await queryReconciliation(store, 'm-1', '2026-11-23');
    expect(day.discrepancies.map(({ id }) => id)).toEqual(['DSC-000003']);
    expect((await queryReconciliation(store, 'm-2', '2026-11-23')).discrepancies.map(({ reference }) => reference)).toEqual(['wx-other', walletReferenceOf(1), walletReferenceOf(3), walletReferenceOf(1)]);
    expect(await queryReconciliation(store, 'm-1', '2026-11-24')).toEqual({ date: '2026-11-24', files: [], discrepancies: [], threeWay: [] });
  });

  it("gives the current file's three-way match per batch and for the day", async () => {
    expect((await queryReconciliation(store, 'm-1', '2026-11-23')).threeWay).toEqual([
      { source: 'wechat-pay', scope: 'BATCH', terminalId: 't-1', batchNumber: 1, currency: 'CNY', terminalCount: 2, terminalMinor: '17000', ledgerCount: 2, ledgerMinor: '17000', billCount: 1, billMinor: '12000', status: 'MISMATCH' },
      { source: 'wechat-pay', scope: 'DAY', terminalId: '', batchNumber: 0, currency: 'CNY', terminalCount: 2, terminalMinor: '17000', ledgerCount: 2, ledgerMinor: '17000', billCount: 1, billMinor: '12000', status: 'MISMATCH' },
    ]);
  });
});
