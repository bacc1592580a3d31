import fc from 'fast-check';
import { LedgerEvent } from '../ledger/ledger-events';
import { postingsFor } from '../ledger/postings';
import { replay, TerminalScript, tx } from '../testing';
import { terminalHistory } from '../testing/terminal-history.arbitraries';
import { PayoutEvent } from '../payouts/payout-events';
import { dailyStatement, dayBounds, StatementCarry, StatementSource } from './daily-statement';

const ZONE = 'Asia/Shanghai';
// 2026-12-03 in Shanghai: from 2026-12-02T16:00Z to 2026-12-03T16:00Z.
let nextPosition = 0n;
const at = (iso: string) => (event: LedgerEvent | PayoutEvent): StatementSource => ({ position: nextPosition++, recordedAt: iso, event });
const readThrough = (sources: readonly StatementSource[]) => ({ throughPosition: sources.reduce((last, { position }) => (position > last ? position : last), -1n) });
const pick = (statement: ReturnType<typeof dailyStatement>) => statement.lines.map(({ section, method, count, amountMinor }) => [section, method, count, amountMinor.toString()]);

/** The day before: a DEBIT sale of 10000 settled (fee 50). That day: a WECHAT_PAY sale of 5000 voided, a CREDIT sale of 8000, a cash sale, a refund of 2500 on the debit sale, a close (fee 144). */
function history() {
  const t = new TerminalScript();
  const { events } = replay([
    t.signedIn(), ...t.cardSaleRequested(tx(1), 'DEBIT', '10000'), t.approved(tx(1)),
    t.settlementClosed(1, [{ method: 'DEBIT', count: 1, amountMinor: '10000', currency: 'CNY' }]),
    ...t.qrSaleRequested(tx(2), 'WECHAT_PAY', '5000'), t.approved(tx(2)), t.voided(tx(20), tx(2)),
    ...t.cardSaleRequested(tx(3), 'CREDIT', '8000'), t.approved(tx(3)),
    ...t.cashSaleStarted(tx(4), '1200'), t.cashReceived(tx(4), '1200'),
    t.refundApproved(tx(10), tx(1), '2500'),
    t.settlementClosed(2, [{ method: 'CREDIT', count: 1, amountMinor: '8000', currency: 'CNY' }]),
  ]);
  return events;
}

describe('the daily statement', () => {
  it("takes the day's bounds in the merchant's zone", () => {
    expect(dayBounds('2026-12-03', ZONE)).toEqual({ from: '2026-12-02T16:00:00.000Z', to: '2026-12-03T16:00:00.000Z' });
  });

  it('given a day before and the day, then the opening balance, each section by method, the closing balance, and cash apart', () => {
    const events = history();
    const batch1 = events.findIndex((event) => event.type === 'BatchClosed');
    const sources = [...events.slice(0, batch1 + 1).map(at('2026-12-02T10:00:00.000Z')), ...events.slice(batch1 + 1).map(at('2026-12-03T02:00:00.000Z'))];
    const payout: PayoutEvent = { type: 'PayoutPaid', data: { merchantId: 'm-1', payoutId: 'PO-000001', amount: { currency: 'CNY', minor: '9950' }, bankReference: 'B', paidAt: '2026-12-03T05:00:00.000Z' } };
    const scheduled: PayoutEvent = {
      type: 'PayoutScheduled',
      data: { merchantId: 'm-1', payoutId: 'PO-000001', currency: 'CNY', valueDate: '2026-12-03', cutoffAt: '2026-12-02T16:00:00.000Z', settled: { currency: 'CNY', minor: '10000' }, fees: { currency: 'CNY', minor: '50' }, amount: { currency: 'CNY', minor: '9950' }, lines: [] },
    };
    const late = at('2026-12-03T16:00:00.000Z')(events[1]);
    const all = [...sources, at('2026-12-02T16:00:00.000Z')(scheduled), at('2026-12-03T05:00:00.000Z')(payout), late];
    const statement = dailyStatement('m-1', '2026-12-03', ZONE, all, readThrough(all));
    expect(pick(statement)).toEqual([
      ['OPENING', '', '', '9950'],
      ['SALES', 'CREDIT', 1, '8000'],
      ['SALES', 'WECHAT_PAY', 1, '5000'],
      ['VOIDS', 'WECHAT_PAY', 1, '-5000'],
      ['REFUNDS', 'DEBIT', 1, '-2500'],
      ['FEES', '', 1, '-144'],
      ['PAYOUTS', '', 1, '-9950'],
      ['CLOSING', '', '', '5356'],
      ['CASH', 'CASH', 1, '1200'],
    ]);
  });

  it('for any history split at any instant, the closing balance is what the postings recorded before the day ended owe the merchant', () => {
    fc.assert(fc.property(terminalHistory(), fc.nat(), (terminalEvents, split) => {
      const events = replay(terminalEvents).events;
      const cut = events.length === 0 ? 0 : split % events.length;
      const sources = events.map((event, i) => at(i < cut ? '2026-12-02T12:00:00.000Z' : '2026-12-03T12:00:00.000Z')(event));
      const owed = (upTo: number, currency: string) => events.slice(0, upTo).flatMap(postingsFor).filter((p) => p.amount.currency === currency)
        .reduce((sum, p) => {
          const sign = p.side === 'CREDIT' ? 1n : -1n;
          if (['merchant:pending', 'merchant:settled', 'merchant:disputed', 'merchant:in-transit'].includes(p.account)) return sum + sign * p.amount.amountMinor;
          return p.account === 'merchant:fees' ? sum + sign * p.amount.amountMinor : sum;
        }, 0n);
      const { lines } = dailyStatement('m-1', '2026-12-03', ZONE, sources, readThrough(sources));
      for (const line of lines.filter((l) => l.section === 'OPENING')) expect(line.amountMinor).toBe(owed(cut, line.currency));
      for (const line of lines.filter((l) => l.section === 'CLOSING')) expect(line.amountMinor).toBe(owed(events.length, line.currency));
    }), { numRuns: 100 });
  });

  describe("carried on from an earlier day's statement", () => {
    const DAYS = ['2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04'];
    // Noon of each day in Shanghai, a millisecond per position: a day's events are out of the store's order when days are.
    const recorded = (day: number, position: number) => new Date(Date.parse(`${DAYS[day]}T04:00:00.000Z`) + position).toISOString();
    const sourcesOf = (events: readonly LedgerEvent[], days: readonly number[]): StatementSource[] =>
      events.map((event, i) => ({ position: BigInt(i), recordedAt: recorded(days[i % days.length], i), event }));
    const issue = (date: string, sources: readonly StatementSource[], through: number, carried?: StatementCarry) =>
      dailyStatement('m-1', date, ZONE, sources.filter(({ position }) => position <= BigInt(through) && (carried === undefined || position >= carried.fromPosition)), { throughPosition: BigInt(through), carried });

    it('for any history, days recorded in any order, and earlier statements issued at any point, equals the statement from the whole history', () => {
      fc.assert(fc.property(
        terminalHistory(), fc.array(fc.nat(3), { minLength: 1, maxLength: 12 }), fc.nat(), fc.nat(),
        (terminalEvents, days, issuedFirstAt, issuedSecondAt) => {
          const events = replay(terminalEvents).events;
          const sources = sourcesOf(events, days);
          const last = events.length - 1;
          // Each statement reads at least as far as the one before: the store only grows.
          const firstThrough = events.length === 0 ? -1 : issuedFirstAt % events.length;
          const secondThrough = firstThrough + (issuedSecondAt % (last - firstThrough + 1));
          const first = issue(DAYS[0], sources, firstThrough);
          const second = issue(DAYS[1], sources, secondThrough, first.carry);
          const whole = issue(DAYS[3], sources, last);
          expect(pick(issue(DAYS[3], sources, last, second.carry))).toEqual(pick(whole));
          expect(pick(issue(DAYS[3], sources, last, first.carry))).toEqual(pick(whole));
          expect(pick(second)).toEqual(pick(issue(DAYS[1], sources, secondThrough)));
        },
      ), { numRuns: 200 });
    });

    it('reads only from the first event recorded after the earlier day: a day of history, not all of it', () => {
      const events = history();
      const sources = sourcesOf(events, events.map((_, i) => (i < events.length - 3 ? 0 : 1)));
      const statement = issue(DAYS[0], sources, events.length - 1);
      expect(statement.carry.fromPosition).toBe(BigInt(events.length - 3));
      expect([...statement.carry.closing]).toEqual(statement.lines.filter((line) => line.section === 'CLOSING').map((line) => [line.currency, line.amountMinor]));
    });

    it('refuses a carry from a day that has not ended when this one begins', () => {
      const { carry } = issue(DAYS[2], [], -1);
      expect(() => issue(DAYS[1], [], -1, carry)).toThrow(RangeError);
    });
  });
});
