import fc from 'fast-check';
import { DeciderSpecification, replay, TerminalScript, tx, walletDay, walletReferenceOf } from '../testing';
import { BillLine, BillSource } from './bill';
import { BillReconciled, Discrepancy } from './bill-events';
import { BillRefusedError } from './bill-refused.error';
import { billsDecider, BillsCommand } from './bills.decider';
import { ledgerTradesOf } from './ledger-trades';

const M = 'm-1';
const ZONE = 'Asia/Shanghai';
const spec = () => DeciderSpecification.for(billsDecider);
const cny = (minor: string) => ({ currency: 'CNY', minor });
const wallet = walletReferenceOf;
const day = () => walletDay(M);

const line = (lineNumber: number, kind: BillLine['kind'], reference: string, amount: string, fee: string, merchantReference = ''): BillLine =>
  ({ lineNumber, kind, reference, merchantReference, refundReference: kind === 'REFUND' ? `R-${lineNumber}` : '', localTime: '2026-11-23 10:00:00', amount: cny(amount), fee: cny(fee) });

/** The WeChat Pay bill that agrees with the day: the two sales (fees 0.72 and 0.30 at 60 bp) and the refund (its fee kept). */
const agreeing = (): BillLine[] => [line(2, 'SALE', wallet(1), '12000', '72'), line(3, 'SALE', wallet(3), '5000', '30'), line(4, 'REFUND', wallet(1), '2000', '0')];

const importing = (lines: readonly BillLine[], sha256 = 'a'.repeat(64), events = day(), source: BillSource = 'wechat-pay'): BillsCommand => ({
  type: 'ImportBill',
  data: {
    merchantId: M, timeZone: ZONE, bill: { source, date: '2026-11-23', lines }, sha256, fileName: 'wechat.csv', importedBy: 'accountant@shop',
    now: '2026-11-24T01:00:00.000Z', ledger: ledgerTradesOf(events), throughPosition: 41n,
  },
});

const resolving = (discrepancyId: string, decision = 'WRITE_OFF', decidedBy = 'li.na'): BillsCommand =>
  ({ type: 'ResolveDiscrepancy', data: { merchantId: M, discrepancyId, decision, note: 'checked the till roll', decidedBy, now: '2026-11-24T02:00:00.000Z' } });

function reconciled(command: BillsCommand, given: Parameters<ReturnType<typeof spec>['given']>[0] = []): BillReconciled['data'] {
  const { events } = spec().given(given).when(command).thenResult();
  return (events.find((event) => event.type === 'BillReconciled') as BillReconciled).data;
}

const kinds = (discrepancies: readonly Discrepancy[]) => discrepancies.map(({ discrepancyId, kind, reference, lineNumber, transactionId }) => ({ discrepancyId, kind, reference, lineNumber, transactionId }));

describe('bills', () => {
  it('given a bill that agrees with the day, when imported, then the file and its lines are recorded, every line matched, and both three-way matches agree', () => {
    const { events } = spec().given([]).when(importing(agreeing())).thenResult();
    expect(events.map((event) => event.type)).toEqual(['BillImported', 'BillReconciled']);
    expect(events[0].data).toMatchObject({ source: 'wechat-pay', date: '2026-11-23', sha256: 'a'.repeat(64), importedBy: 'accountant@shop', lines: agreeing() });
    const result = (events[1] as BillReconciled).data;
    expect(result).toMatchObject({ matched: 3, discrepancies: [], throughPosition: '41' });
    expect(result.threeWay).toEqual([
      { scope: 'BATCH', terminalId: 't-1', batchNumber: 1, currency: 'CNY', terminalCount: 2, terminalMinor: '17000', ledgerCount: 2, ledgerMinor: '17000', billCount: 2, billMinor: '17000', status: 'MATCHED' },
      { scope: 'DAY', terminalId: '', batchNumber: 0, currency: 'CNY', terminalCount: 2, terminalMinor: '17000', ledgerCount: 2, ledgerMinor: '17000', billCount: 2, billMinor: '17000', status: 'MATCHED' },
    ]);
  });

  it('given a bill with a sale missing, an extra one, an amount off by one fen and a wrong fee, then exactly those four are reported, numbered', () => {
    const planted = [line(2, 'SALE', wallet(1), '12001', '72'), line(3, 'SALE', 'wx-not-ours', '800', '5'), line(4, 'REFUND', wallet(1), '2000', '1')];
    const result = reconciled(importing(planted));
    expect(kinds(result.discrepancies)).toEqual([
      { discrepancyId: 'DSC-000001', kind: 'AMOUNT_DIFFERS', reference: wallet(1), lineNumber: 2, transactionId: tx(1) },
      { discrepancyId: 'DSC-000002', kind: 'MISSING_IN_LEDGER', reference: 'wx-not-ours', lineNumber: 3, transactionId: undefined },
      { discrepancyId: 'DSC-000003', kind: 'FEE_DIFFERS', reference: wallet(1), lineNumber: 4, transactionId: tx(10) },
      { discrepancyId: 'DSC-000004', kind: 'MISSING_IN_BILL', reference: wallet(3), lineNumber: undefined, transactionId: tx(3) },
    ]);
    expect(result.discrepancies[0]).toMatchObject({ billAmount: cny('12001'), ledgerAmount: cny('12000'), billFee: cny('72'), ledgerFee: cny('72') });
    expect(result.discrepancies[2]).toMatchObject({ billFee: cny('1'), ledgerFee: cny('0') });
    expect(result.matched).toBe(0);
    expect(result.threeWay.map(({ scope, terminalMinor, ledgerMinor, billCount, billMinor, status }) => ({ scope, terminalMinor, ledgerMinor, billCount, billMinor, status }))).toEqual([
      { scope: 'BATCH', terminalMinor: '17000', ledgerMinor: '17000', billCount: 1, billMinor: '12001', status: 'MISMATCH' },
      { scope: 'DAY', terminalMinor: '17000', ledgerMinor: '17000', billCount: 2, billMinor: '12801', status: 'MISMATCH' },
    ]);
  });

  it('given a wallet bill, then card sales are none of its business; given the acquirer file, the card sale is matched by its host reference', () => {
    expect(kinds(reconciled(importing(agreeing())).discrepancies)).toEqual([]);
    const acquirer = reconciled(importing([{ ...line(2, 'SALE', 'H-2', '10000', '180'), terminalId: 't-1', batchNumber: 1 }], 'b'.repeat(64), day(), 'acquirer'));
    expect(acquirer).toMatchObject({ matched: 1, discrepancies: [] });
    expect(acquirer.threeWay.at(-1)).toMatchObject({ scope: 'DAY', terminalCount: 1, ledgerMinor: '10000', billMinor: '10000', status: 'MATCHED' });
  });

  it('given a line naming the merchant’s order number and not the wallet’s reference, then it is matched by the order number', () => {
    const lines = agreeing().map((found, n) => (n === 1 ? { ...found, reference: '4200000000000000001', merchantReference: tx(3) } : found));
    expect(reconciled(importing(lines)).matched).toBe(3);
  });

  it('given a voided sale, then the bill need not list it; given a sale before its batch closed, then its fee is not checked', () => {
    const t = new TerminalScript();
    const events = replay([t.signedIn(), ...t.qrSaleRequested(tx(1), 'WECHAT_PAY', '12000'), t.approved(tx(1)), ...t.qrSaleRequested(tx(2), 'WECHAT_PAY', '900'), t.approved(tx(2)), t.voided(tx(3), tx(2))]).events;
    expect(reconciled(importing([line(2, 'SALE', wallet(1), '12000', '99')], 'c'.repeat(64), events))).toMatchObject({ matched: 1, discrepancies: [] });
  });

  it('given the same file imported before, when imported again, then nothing happens', () => {
    const { events } = spec().given([]).when(importing(agreeing())).thenResult();
    spec().given(events).when(importing(agreeing())).thenNothingHappened();
  });

  it('given a corrected bill of the same day (other bytes), then it is reconciled again (the first one’s four discrepancies stay), numbering on', () => {
    const { events } = spec().given([]).when(importing([line(2, 'SALE', 'wx-not-ours', '800', '5')])).thenResult();
    expect(kinds(reconciled(importing(agreeing(), 'd'.repeat(64)), events).discrepancies)).toEqual([]);
    expect(kinds(reconciled(importing([], 'e'.repeat(64)), events).discrepancies).map(({ discrepancyId }) => discrepancyId)).toEqual(['DSC-000005', 'DSC-000006', 'DSC-000007']);
  });

  describe('decisions', () => {
    const found = () => spec().given([]).when(importing([line(2, 'SALE', 'wx-not-ours', '800', '5')])).thenResult().events;

    it('given an open discrepancy, when someone decides, then the decision is recorded with who and when', () => {
      spec().given(found()).when(resolving('DSC-000001', 'ACCEPT_BILL', ' li.na ')).then([
        { type: 'DiscrepancyResolved', data: { merchantId: M, discrepancyId: 'DSC-000001', decision: 'ACCEPT_BILL', note: 'checked the till roll', decidedBy: 'li.na', decidedAt: '2026-11-24T02:00:00.000Z' } },
      ]);
    });

    it('given one under investigation, then it can still be accepted or written off; once decided, it cannot be decided again', () => {
      const investigating = [...found(), ...spec().given(found()).when(resolving('DSC-000001', 'INVESTIGATE')).thenResult().events];
      expect(spec().given(investigating).when(resolving('DSC-000001', 'WRITE_OFF')).thenResult().events).toHaveLength(1);
      const decided = [...investigating, ...spec().given(investigating).when(resolving('DSC-000001', 'WRITE_OFF')).thenResult().events];
      spec().given(decided).when(resolving('DSC-000001', 'ACCEPT_BILL')).thenThrows(BillRefusedError, (error) => (error as BillRefusedError).code === 'BILL.DISCREPANCY_RESOLVED');
    });

    it('property: decides on every discrepancy as when the state held each one found with its status, whatever the bills and decisions before', () => {
      const candidates = [...agreeing(), line(5, 'SALE', 'wx-not-ours', '800', '5'), line(6, 'REFUND', 'wx-nor-this', '300', '0')];
      const id = fc.oneof(fc.nat({ max: 25 }).map((n) => `DSC-${String(n).padStart(6, '0')}`), fc.constantFrom('DSC-1', 'DSC-0000001', 'DSC-000001 ', 'dsc-000001', 'DSC-', 'x'));
      const command = fc.oneof(
        fc.subarray(candidates).map((lines) => ({ lines })),
        fc.record({ id, decision: fc.constantFrom('ACCEPT_BILL', 'WRITE_OFF', 'INVESTIGATE', 'IGNORE') }),
      );
      const outcome = (decide: () => unknown) => {
        try {
          return decide();
        } catch (error) {
          return (error as BillRefusedError).code;
        }
      };
      fc.assert(fc.property(fc.array(command, { maxLength: 12 }), (commands) => {
        let state = billsDecider.initialState();
        // Each discrepancy found and its latest status, as the state once held them.
        const statuses = new Map<string, string>();
        commands.forEach((next, n) => {
          const decided = 'lines' in next ? billsDecider.decide(importing(next.lines, String(n).padStart(64, '0')), state) : outcome(() => billsDecider.decide(resolving(next.id, next.decision), state));
          if ('id' in next) {
            const status = statuses.get(next.id);
            const expected = status === undefined ? 'BILL.UNKNOWN_DISCREPANCY'
              : next.decision === 'IGNORE' ? 'BILL.INVALID_DECISION'
                : status === 'ACCEPT_BILL' || status === 'WRITE_OFF' ? 'BILL.DISCREPANCY_RESOLVED' : [expect.objectContaining({ type: 'DiscrepancyResolved' })];
            expect(decided).toEqual(expected);
          }
          for (const event of Array.isArray(decided) ? decided : []) {
            if (event.type === 'BillReconciled') event.data.discrepancies.forEach((found: Discrepancy) => statuses.set(found.discrepancyId, 'OPEN'));
            if (event.type === 'DiscrepancyResolved') statuses.set(event.data.discrepancyId, event.data.decision);
            state = billsDecider.evolve(state, event);
          }
        });
      }), { numRuns: 300 });
    });

    it('refuses an unknown discrepancy, an unknown decision and a decision by nobody', () => {
      spec().given(found()).when(resolving('DSC-000009')).thenThrows(BillRefusedError, (error) => (error as BillRefusedError).code === 'BILL.UNKNOWN_DISCREPANCY');
      spec().given(found()).when(resolving('DSC-000001', 'IGNORE')).thenThrows(BillRefusedError, (error) => (error as BillRefusedError).code === 'BILL.INVALID_DECISION');
      spec().given(found()).when(resolving('DSC-000001', 'WRITE_OFF', '  ')).thenThrows(BillRefusedError, (error) => (error as BillRefusedError).code === 'BILL.INVALID_DECISION');
    });
  });

  it('property: a bill made from the ledger’s own trades of the day matches every line; dropping, adding or changing one line is reported as exactly that one discrepancy', () => {
    const trades = ledgerTradesOf(day()).trades.filter((trade) => trade.method === 'WECHAT_PAY');
    const fromLedger: BillLine[] = trades.map((trade, n) => line(n + 2, trade.kind, trade.walletReference, trade.amount.minor, trade.fee?.minor ?? '0'));
    fc.assert(fc.property(fc.nat(fromLedger.length - 1), fc.constantFrom('drop', 'add', 'amount', 'fee'), fc.integer({ min: 1, max: 99 }), (at, change, by) => {
      const lines = [...fromLedger];
      const shifted = (minor: string) => (BigInt(minor) + BigInt(by)).toString();
      if (change === 'drop') lines.splice(at, 1);
      if (change === 'add') lines.push(line(9, 'SALE', `wx-extra-${by}`, String(by), '0'));
      if (change === 'amount') lines[at] = { ...lines[at], amount: cny(shifted(lines[at].amount.minor)) };
      if (change === 'fee') lines[at] = { ...lines[at], fee: cny(shifted(lines[at].fee.minor)) };
      const result = reconciled(importing(lines));
      const expected = { drop: 'MISSING_IN_BILL', add: 'MISSING_IN_LEDGER', amount: 'AMOUNT_DIFFERS', fee: 'FEE_DIFFERS' }[change];
      expect(result.discrepancies.map((found) => found.kind)).toEqual([expected]);
      expect(result.matched).toBe(change === 'add' ? fromLedger.length : fromLedger.length - 1);
      expect(kinds(reconciled(importing(fromLedger)).discrepancies)).toEqual([]);
    }));
  });

  describe('chargebacks in the acquirer file', () => {
    const chargeback = (lineNumber: number, reference: string, amount: string): BillLine => ({ ...line(lineNumber, 'SALE', reference, amount, '0'), kind: 'CHARGEBACK', terminalId: 't-1', batchNumber: 1 });
    const acquirer = (lines: BillLine[]) => reconciled(importing(lines, 'f'.repeat(64), day(), 'acquirer'));
    const sale = { ...line(2, 'SALE', 'H-2', '10000', '180'), terminalId: 't-1', batchNumber: 1 };

    it('given a chargeback on a sale of the ledger, then it is matched and tells the ledger to open a dispute on the sale for its amount', () => {
      const result = acquirer([sale, chargeback(3, 'H-2', '3000')]);
      expect(result).toMatchObject({ matched: 2, discrepancies: [] });
      expect(result.actions).toEqual([{
        type: 'OpenDispute', lineNumber: 3, terminalId: 't-1', transactionId: tx(2), disputeId: 'cb-H-2', amount: cny('3000'), reason: "chargeback in the acquirer's settlement file of 2026-11-23",
      }]);
      expect(result.threeWay.at(-1)).toMatchObject({ billCount: 1, billMinor: '10000', status: 'MATCHED' });
    });

    it('given a chargeback on no sale of the ledger, or above what the sale captured, then it is a discrepancy and nothing is opened', () => {
      const result = acquirer([sale, chargeback(3, 'H-404', '3000'), chargeback(4, 'H-2', '10001')]);
      expect(result.discrepancies.map(({ kind, lineNumber }) => [kind, lineNumber])).toEqual([['MISSING_IN_LEDGER', 3], ['AMOUNT_DIFFERS', 4]]);
      expect(result.actions).toEqual([]);
    });
  });

  describe("the bank's payout confirmations", () => {
    const payouts = {
      'PO-000001': { status: 'IN_TRANSIT' as const, currency: 'CNY', amount: 13320n, settled: 15000n, fees: 1680n },
      'PO-000002': { status: 'PAID' as const, currency: 'CNY', amount: 500n, settled: 500n, fees: 0n },
      'PO-000003': { status: 'FAILED' as const, currency: 'CNY', amount: 100n, settled: 100n, fees: 0n },
    };
    const confirmation = (lineNumber: number, kind: 'PAYOUT_PAID' | 'PAYOUT_RETURNED', payoutId: string, amount: string): BillLine =>
      ({ ...line(lineNumber, 'SALE', `ICBC-${lineNumber}`, amount, '0', payoutId), kind, ...(kind === 'PAYOUT_RETURNED' ? { reason: 'account closed' } : {}) });
    const bank = (lines: BillLine[]) => {
      const command = importing(lines, '9'.repeat(64), day(), 'bank');
      return reconciled({ ...command, data: { ...command.data, payouts } } as BillsCommand);
    };

    it('given a credit of a payout in transit, then it tells the ledger to confirm it with the bank reference; a return, to fail it', () => {
      expect(bank([confirmation(2, 'PAYOUT_PAID', 'PO-000001', '13320')])).toMatchObject({ matched: 1, discrepancies: [], threeWay: [], actions: [{ type: 'ConfirmPayout', lineNumber: 2, payoutId: 'PO-000001', bankReference: 'ICBC-2' }] });
      expect(bank([confirmation(2, 'PAYOUT_RETURNED', 'PO-000001', '13320')]).actions).toEqual([{ type: 'FailPayout', lineNumber: 2, payoutId: 'PO-000001', reason: 'account closed' }]);
    });

    it('given what the ledger already holds, then it is matched with nothing to do; an unknown payout, another amount or the opposite status is a discrepancy', () => {
      const result = bank([
        confirmation(2, 'PAYOUT_PAID', 'PO-000002', '500'), confirmation(3, 'PAYOUT_RETURNED', 'PO-000003', '100'), confirmation(4, 'PAYOUT_PAID', 'PO-000009', '1'),
        confirmation(5, 'PAYOUT_PAID', 'PO-000001', '13321'), confirmation(6, 'PAYOUT_PAID', 'PO-000003', '100'),
      ]);
      expect(result.matched).toBe(2);
      expect(result.actions).toEqual([]);
      expect(result.discrepancies.map(({ kind, lineNumber, transactionId }) => [kind, lineNumber, transactionId])).toEqual([
        ['MISSING_IN_LEDGER', 4, undefined], ['AMOUNT_DIFFERS', 5, 'PO-000001'], ['STATUS_DIFFERS', 6, 'PO-000003'],
      ]);
    });
  });
});
