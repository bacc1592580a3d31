import fc from 'fast-check';
import { LedgerEvent } from '../ledger/ledger-events';
import { assertBalanced, Posting, postingsFor } from '../ledger/postings';
import { DeciderSpecification, replay, TerminalScript, tx } from '../testing';
import { terminalHistory } from '../testing/terminal-history.arbitraries';
import { PayoutEvent, PayoutScheduled } from './payout-events';
import { PayoutMovement, payoutMovementsOf } from './payout-lines';
import { payoutPostings } from './payout-postings';
import { PayoutRefusedError } from './payout-refused.error';
import { evolvePayouts, initialPayoutsState, payoutsDecider, PayoutsCommand, PayoutsState } from './payouts.decider';

const M = 'm-1';
const spec = () => DeciderSpecification.for(payoutsDecider(M));
const movementsOf = (events: readonly LedgerEvent[]): PayoutMovement[] => events.flatMap((event, position) => payoutMovementsOf(event, BigInt(position)));
const run = (movements: readonly PayoutMovement[], cutoffAt = '2026-12-02T16:00:00.000Z', throughPosition = 1_000n): PayoutsCommand =>
  ({ type: 'SchedulePayouts', data: { merchantId: M, cutoffAt, valueDate: '2026-12-04', throughPosition, movements } });
const confirm = (payoutId: string, bankReference = 'BANK-1'): PayoutsCommand => ({ type: 'ConfirmPayout', data: { merchantId: M, payoutId, bankReference, now: '2026-12-04T02:00:00.000Z' } });
const fail = (payoutId: string): PayoutsCommand => ({ type: 'FailPayout', data: { merchantId: M, payoutId, reason: 'account closed', now: '2026-12-04T03:00:00.000Z' } });
const refused = (refusal: string) => (error: Error) => error instanceof PayoutRefusedError && error.code === `PAYOUT.${refusal}`;

/** Two settled sales (CREDIT 10000, fee 180; DEBIT 5000, fee 25), then a refund of 2000 on the first. */
function day(): LedgerEvent[] {
  const t = new TerminalScript();
  return replay([
    t.signedIn(),
    ...t.cardSaleRequested(tx(1), 'CREDIT', '10000'), t.approved(tx(1)),
    ...t.cardSaleRequested(tx(2), 'DEBIT', '5000'), t.approved(tx(2)),
    t.settlementClosed(1, [{ method: 'CREDIT', count: 1, amountMinor: '10000', currency: 'CNY' }, { method: 'DEBIT', count: 1, amountMinor: '5000', currency: 'CNY' }]),
    t.refundApproved(tx(10), tx(1), '2000'),
  ]).events;
}

function scheduled(events: readonly PayoutEvent[]): PayoutScheduled['data'][] {
  return events.filter((event): event is PayoutScheduled => event.type === 'PayoutScheduled').map((event) => event.data);
}

describe('payouts', () => {
  const movements = movementsOf(day());

  it('reads a line from each event that moves available funds: the batch close (sales less fees) and the refund after it', () => {
    expect(movements.map(({ eventType, reference, settled, fees }) => ({ eventType, reference, settled, fees }))).toEqual([
      { eventType: 'BatchClosed', reference: 'batch 1', settled: '15000', fees: '205' },
      { eventType: 'RefundApproved', reference: tx(10), settled: '-2000', fees: '0' },
    ]);
  });

  it('given settled funds, when a run cuts off, then a payout of their net with a line each, and the cut-off', () => {
    const { events } = spec().given([]).when(run(movements)).thenResult();
    expect(scheduled(events)).toEqual([{
      merchantId: M, payoutId: 'PO-000001', currency: 'CNY', valueDate: '2026-12-04', cutoffAt: '2026-12-02T16:00:00.000Z',
      settled: { currency: 'CNY', minor: '13000' }, fees: { currency: 'CNY', minor: '205' }, amount: { currency: 'CNY', minor: '12795' },
      lines: movements.map(({ currency: _c, ...line }) => line),
    }]);
    expect(events.at(-1)).toEqual({ type: 'PayoutsCutOff', data: { merchantId: M, cutoffAt: '2026-12-02T16:00:00.000Z', throughPosition: '1000', carriedForward: [] } });
  });

  it('given a run, when the same movements come again (a redelivery or an overlapping read), then nothing is paid twice', () => {
    const first = spec().given([]).when(run(movements)).thenResult().events;
    spec().given(first).when(run(movements, '2026-12-03T16:00:00.000Z')).then([
      { type: 'PayoutsCutOff', data: { merchantId: M, cutoffAt: '2026-12-03T16:00:00.000Z', throughPosition: '1000', carriedForward: [] } },
    ]);
    spec().given(first).when(run(movements)).thenNothingHappened();
  });

  it('given a refund larger than the takings, then no payout: the negative net is carried forward, visibly, and taken from the next payout', () => {
    const refund = { ...movements[1], position: '1', settled: '-20000' };
    const { events, state } = spec().given([]).when(run([refund], '2026-12-02T16:00:00.000Z', 1n)).thenResult();
    expect(events).toEqual([{ type: 'PayoutsCutOff', data: { merchantId: M, cutoffAt: '2026-12-02T16:00:00.000Z', throughPosition: '1', carriedForward: [{ currency: 'CNY', settled: '-20000', fees: '0' }] } }]);
    const batch = { ...movements[0], position: '2', settled: '30000', fees: '300' };
    const next = scheduled(events.concat(payoutsDecider(M).decide(run([refund, batch], '2026-12-03T16:00:00.000Z', 2n), state)).filter((e) => e.type === 'PayoutScheduled'));
    expect(next.map(({ amount, lines, broughtForward }) => ({ amount: amount.minor, lines: lines.length, broughtForward }))).toEqual([
      { amount: '9700', lines: 1, broughtForward: { currency: 'CNY', settled: '-20000', fees: '0' } },
    ]);
  });

  it('given a payout in transit, when the bank confirms it, then it is paid; a second confirmation or a failure is refused', () => {
    const given = spec().given([]).when(run(movements)).thenResult().events;
    spec().given(given).when(confirm('PO-000001')).then([
      { type: 'PayoutPaid', data: { merchantId: M, payoutId: 'PO-000001', amount: { currency: 'CNY', minor: '12795' }, bankReference: 'BANK-1', paidAt: '2026-12-04T02:00:00.000Z' } },
    ]);
    const paid = [...given, ...payoutsDecider(M).decide(confirm('PO-000001'), given.reduce(evolvePayouts, initialPayoutsState(M)))];
    spec().given(paid).when(confirm('PO-000001')).thenThrows(PayoutRefusedError, refused('PAYOUT_NOT_IN_TRANSIT'));
    spec().given(paid).when(fail('PO-000001')).thenThrows(PayoutRefusedError, refused('PAYOUT_NOT_IN_TRANSIT'));
  });

  it('refuses an unknown payout and a bank reference that is no printable text, changing nothing', () => {
    const given = spec().given([]).when(run(movements)).thenResult().events;
    spec().given(given).when(confirm('PO-000009')).thenThrows(PayoutRefusedError, refused('UNKNOWN_PAYOUT'));
    spec().given(given).when(confirm('PO-000001', ' BANK')).thenThrows(PayoutRefusedError, refused('INVALID_PAYOUT'));
    spec().given(given).when(confirm('PO-000001', 'BANK\u0000')).thenThrows(PayoutRefusedError, refused('INVALID_PAYOUT'));
  });

  it('given a failed payout, then its funds are available again and go with the next payout', () => {
    const given = spec().given([]).when(run(movements)).thenResult().events;
    const failed = [...given, ...payoutsDecider(M).decide(fail('PO-000001'), given.reduce(evolvePayouts, initialPayoutsState(M)))];
    expect(failed.at(-1)).toEqual({
      type: 'PayoutFailed',
      data: { merchantId: M, payoutId: 'PO-000001', amount: { currency: 'CNY', minor: '12795' }, settled: { currency: 'CNY', minor: '13000' }, fees: { currency: 'CNY', minor: '205' }, reason: 'account closed', failedAt: '2026-12-04T03:00:00.000Z' },
    });
    const next = scheduled(spec().given(failed).when(run(movements, '2026-12-04T16:00:00.000Z')).thenResult().events);
    expect(next.map(({ payoutId, amount, lines, broughtForward }) => ({ payoutId, amount: amount.minor, lines, broughtForward }))).toEqual([
      { payoutId: 'PO-000002', amount: '12795', lines: [], broughtForward: { currency: 'CNY', settled: '13000', fees: '205' } },
    ]);
  });
});

type Step = { kind: 'run'; upTo: number } | { kind: 'confirm' | 'fail'; nth: number };

const sum = (postings: readonly Posting[], account: string, creditNormal: boolean, currency: string, only: (posting: Posting) => boolean = () => true): bigint =>
  postings.filter((p) => p.account === account && p.amount.currency === currency && only(p))
    .reduce((total, p) => total + ((p.side === 'CREDIT') === creditNormal ? p.amount.amountMinor : -p.amount.amountMinor), 0n);

describe('payouts, for any terminal history and any runs, confirmations and failures', () => {
  it('debits equal credits per currency, and paid + in transit + available + held equals net takings', () => {
    const steps = fc.array(fc.oneof(
      fc.record({ kind: fc.constant('run' as const), upTo: fc.nat() }),
      fc.record({ kind: fc.constantFrom('confirm' as const, 'fail' as const), nth: fc.nat() }),
    ), { maxLength: 8 });
    fc.assert(fc.property(terminalHistory(), steps, (history, plan: Step[]) => {
      const ledger = replay(history).events;
      const movements = movementsOf(ledger);
      let state: PayoutsState = initialPayoutsState(M);
      const payoutEvents: PayoutEvent[] = [];
      let day = 0;
      for (const step of [...plan, { kind: 'run' as const, upTo: ledger.length }]) {
        let command: PayoutsCommand;
        if (step.kind === 'run') {
          const through = BigInt(Math.min(step.upTo, ledger.length) - 1);
          command = run(movements.filter((m) => BigInt(m.position) <= through), new Date(Date.UTC(2026, 11, 2 + day++)).toISOString(), through);
        } else {
          const ids = Object.keys(state.payouts);
          if (ids.length === 0) continue;
          command = step.kind === 'confirm' ? confirm(ids[step.nth % ids.length]) : fail(ids[step.nth % ids.length]);
        }
        try {
          const events = payoutsDecider(M).decide(command, state);
          payoutEvents.push(...events);
          state = events.reduce(evolvePayouts, state);
        } catch (error) {
          if (!(error instanceof PayoutRefusedError)) throw error;
        }
      }
      const ledgerPostings = ledger.flatMap(postingsFor);
      const all = [...ledgerPostings, ...payoutEvents.flatMap(payoutPostings)];
      assertBalanced(all);
      for (const currency of new Set(all.map((p) => p.amount.currency))) {
        const available = (postings: readonly Posting[]) => sum(postings, 'merchant:settled', true, currency) - sum(postings, 'merchant:fees', false, currency);
        const held = (postings: readonly Posting[]) => sum(postings, 'merchant:disputed', true, currency);
        const inTransit = sum(all, 'merchant:in-transit', true, currency);
        const paid = payoutEvents.filter((e) => e.type === 'PayoutPaid' && e.data.amount.currency === currency).reduce((total, e) => total + BigInt((e as Extract<PayoutEvent, { type: 'PayoutPaid' }>).data.amount.minor), 0n);
        expect(paid + inTransit + available(all) + held(all)).toBe(available(ledgerPostings) + held(ledgerPostings));
        expect(inTransit >= 0n).toBe(true);
        // After the last run, what is still available is exactly what it brought forward: nothing is forgotten.
        const brought = state.broughtForward[currency] ?? { settled: 0n, fees: 0n };
        expect(available(all)).toBe(brought.settled - brought.fees);
      }
      // After the last run everything up to the end is paid, in transit or brought forward.
      expect(state.throughPosition).toBe(BigInt(ledger.length - 1));
    }), { numRuns: 150 });
  });
});
