import fc from 'fast-check';
import { causeOf, DeciderSpecification, historyOf, ledgerDataOf, record, recorded, rejectionCodes, replay, TerminalScript, tx } from '../testing';
import { keyedSetValues } from './keyed-set';
import { terminalLedgerDecider } from './terminal-ledger.decider';

const spec = () => DeciderSpecification.for(terminalLedgerDecider('t-1'));

describe('shifts (交班)', () => {
  it('given a signed-in operator, when it opens a shift with its drawer, then the shift is opened', () => {
    const t = new TerminalScript();
    const signIn = t.signedIn('op-1');
    const opened = t.shiftOpened('op-1', '50000');
    spec()
      .given(historyOf(signIn))
      .when(record(opened))
      .then([recorded(opened), { type: 'ShiftOpened', data: { ...causeOf(opened), shiftId: opened.eventId, operatorId: 'op-1', openingCash: { currency: 'CNY', minor: '50000' }, occurredAt: opened.occurredAt } }]);
  });

  it('refuses a shift opened for another operator than the one signed in', () => {
    const t = new TerminalScript();
    expect(rejectionCodes(replay([t.signedIn('op-1'), t.shiftOpened('op-2', '0')]).events)).toEqual(['OPERATOR_NOT_SIGNED_IN']);
  });

  it("reports the shift at its close: only the shift's sales, voids and refunds, and the drawer over or short", () => {
    const t = new TerminalScript();
    const { events, state } = replay([
      t.signedIn('op-1'),
      ...t.cardSaleRequested(tx(1), 'DEBIT', '10000'), t.approved(tx(1)),
      t.settlementClosed(1, [{ method: 'DEBIT', count: 1, amountMinor: '10000', currency: 'CNY' }]),
      t.shiftOpened('op-1', '50000'),
      ...t.cardSaleRequested(tx(2), 'CREDIT', '3000'), t.approved(tx(2)),
      ...t.qrSaleRequested(tx(3), 'WECHAT_PAY', '1200'), t.approved(tx(3)),
      ...t.qrSaleRequested(tx(4), 'WECHAT_PAY', '800'), t.approved(tx(4)),
      t.voided(tx(5), tx(4)),
      t.refundApproved(tx(6), tx(1), '2500'),
      t.shiftClosed('49800'),
    ]);

    expect(ledgerDataOf(events, 'ShiftClosed')).toEqual([expect.objectContaining({
      operatorId: 'op-1',
      openingCash: { currency: 'CNY', minor: '50000' },
      expectedCash: { currency: 'CNY', minor: '50000' },
      countedCash: { currency: 'CNY', minor: '49800' },
      overShort: { currency: 'CNY', minor: '-200' },
      sales: [
        { method: 'CREDIT', currency: 'CNY', count: 1, minor: '3000' },
        { method: 'WECHAT_PAY', currency: 'CNY', count: 2, minor: '2000' },
      ],
      voids: [{ method: 'WECHAT_PAY', currency: 'CNY', count: 1, minor: '800' }],
      refunds: [{ method: 'DEBIT', currency: 'CNY', count: 1, minor: '2500' }],
    })]);
    expect(state.shift).toBeNull();
  });

  it('keeps an open shift as its running totals, however many sales it takes', () => {
    const t = new TerminalScript();
    const opened = [t.signedIn('op-1'), t.shiftOpened('op-1', '0')];
    const sales = Array.from({ length: 40 }, (_, n) => [...t.qrSaleRequested(tx(n + 1), 'ALIPAY', '250'), t.approved(tx(n + 1))]);
    const { state } = replay([...opened, ...sales.flat(), t.voided(tx(41), tx(1))]);
    expect(state.shift).toEqual(expect.objectContaining({
      sales: [{ method: 'ALIPAY', currency: 'CNY', count: 40, minor: '10000' }],
      voids: [{ method: 'ALIPAY', currency: 'CNY', count: 1, minor: '250' }],
      refunds: [],
      tips: [],
    }));
  });

  it("takes a tip out of the shift that took it only: a void in the next shift leaves that shift's tips alone", () => {
    const t = new TerminalScript();
    const { events } = replay([
      t.signedIn('op-1'), t.shiftOpened('op-1', '0'),
      ...t.cardSaleRequested(tx(1), 'CREDIT', '2000'), t.approved(tx(1)), t.tipEntered(tx(1), '300'),
      t.shiftClosed('0'), t.shiftOpened('op-1', '0'),
      ...t.cardSaleRequested(tx(2), 'CREDIT', '1000'), t.approved(tx(2)), t.tipEntered(tx(2), '100'),
      t.voided(tx(3), tx(1)),
      t.shiftClosed('0'),
    ]);
    const [first, second] = ledgerDataOf(events, 'ShiftClosed');
    expect(first.tips).toEqual([{ method: 'CREDIT', currency: 'CNY', count: 1, minor: '300' }]);
    expect(second).toEqual(expect.objectContaining({
      sales: [{ method: 'CREDIT', currency: 'CNY', count: 1, minor: '1000' }],
      voids: [{ method: 'CREDIT', currency: 'CNY', count: 1, minor: '2000' }],
      tips: [{ method: 'CREDIT', currency: 'CNY', count: 1, minor: '100' }],
    }));
  });

  it("forgets at a batch's close the tipped sales it settled, which no void can reach, and still reports their tips", () => {
    const t = new TerminalScript();
    const opened = [t.signedIn('op-1'), t.shiftOpened('op-1', '0')];
    const tipped = (n: number, amount: string) => [...t.cardSaleRequested(tx(n), 'CREDIT', amount), t.approved(tx(n)), t.tipEntered(tx(n), '100')];
    const first = [...tipped(1, '1000'), ...tipped(2, '2000')];
    const settled = t.settlementClosed(1, [{ method: 'CREDIT', count: 2, amountMinor: '3200', currency: 'CNY' }]);
    const { state } = replay([...opened, ...first, settled, ...tipped(3, '3000')]);
    expect(state.shift && keyedSetValues(state.shift.tipped)).toEqual([tx(3)]);
    expect(state.shift?.tips).toEqual([{ method: 'CREDIT', currency: 'CNY', count: 3, minor: '300' }]);
  });

  it('refuses a second open shift, a close with none open, and a count in another currency', () => {
    const t = new TerminalScript();
    const { events } = replay([t.signedIn('op-1'), t.shiftClosed('0'), t.shiftOpened('op-1', '100'), t.shiftOpened('op-1', '100'), t.shiftClosed('100', 'USD')]);
    expect(rejectionCodes(events)).toEqual(['SHIFT_NOT_OPEN', 'SHIFT_ALREADY_OPEN', 'CURRENCY_MISMATCH']);
  });

  it('property: the report sums exactly the sales approved in the shift, and over/short is counted minus opening cash', () => {
    const amounts = fc.array(fc.bigInt({ min: 1n, max: 10_000_000n }), { maxLength: 8 });
    fc.assert(
      fc.property(amounts, amounts, fc.bigInt({ min: 0n, max: 1_000_000n }), fc.bigInt({ min: 0n, max: 1_000_000n }), (before, during, opening, counted) => {
        const t = new TerminalScript();
        let n = 0;
        const sell = (amount: bigint) => [...t.qrSaleRequested(tx(++n), 'ALIPAY', amount.toString()), t.approved(tx(n))];
        const { events } = replay([
          t.signedIn('op-1'), ...before.flatMap(sell), t.shiftOpened('op-1', opening.toString()), ...during.flatMap(sell), t.shiftClosed(counted.toString()),
        ]);
        const [report] = ledgerDataOf(events, 'ShiftClosed');
        const total = during.reduce((sum, amount) => sum + amount, 0n);
        expect(report.sales).toEqual(during.length === 0 ? [] : [{ method: 'ALIPAY', currency: 'CNY', count: during.length, minor: total.toString() }]);
        expect(BigInt(report.overShort.minor)).toBe(counted - opening);
      }),
      { numRuns: 50 },
    );
  });
});
