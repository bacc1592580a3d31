import fc from 'fast-check';
import { causeOf, DeciderSpecification, historyOf, ledgerDataOf, record, recorded, rejectionCodes, replay, TerminalScript, tx } from '../testing';
import { TerminalEvent } from '../terminal-events/terminal-event';
import { money } from '../values/money';
import { balanceFromPostings } from './balance';
import { assertBalanced, postingsFor } from './postings';
import { completionCeiling } from './pre-authorization-policy';
import { terminalLedgerDecider } from './terminal-ledger.decider';
import { saleOf } from './terminal-ledger.state';

const spec = () => DeciderSpecification.for(terminalLedgerDecider('t-1'));
const HOTEL = { tolerancePercent: 15, expiryDays: 30 };
const DAY_MS = 86_400_000;

/** A signed-in terminal with a hold of `heldMinor` on tx(1), approved by the host. */
function held(t: TerminalScript, heldMinor: string) {
  return [t.signedIn('op-1'), ...t.cardSaleReady(tx(1), 'CREDIT', heldMinor), t.preAuthorizationRequested(tx(1)), t.approved(tx(1), 'P77', 'H-P1')];
}

describe('pre-authorisation (预授权)', () => {
  it('given a ready credit card sale of 80000, when it is sent as a pre-authorisation and the host approves, then 80000 is held until the expiry, and nothing is sold or posted', () => {
    const t = new TerminalScript();
    const given = historyOf(t.signedIn('op-1'), ...t.cardSaleReady(tx(1), 'CREDIT', '80000'), t.preAuthorizationRequested(tx(1)));
    const approved = t.approved(tx(1), 'P77', 'H-P1');
    spec()
      .given(given)
      .when(record(approved, { preAuthorization: HOTEL }))
      .then([recorded(approved), {
        type: 'PreAuthorizationApproved',
        data: {
          ...causeOf(approved),
          transactionId: tx(1),
          amount: { currency: 'CNY', minor: '80000' },
          method: 'CREDIT',
          scheme: 'UNIONPAY',
          entryMode: 'CHIP',
          maskedPan: '622588******1234',
          operatorId: 'op-1',
          authCode: 'P77',
          hostReference: 'H-P1',
          occurredAt: approved.occurredAt,
          expiresAt: new Date(Date.parse(approved.occurredAt) + 30 * DAY_MS).toISOString(),
        },
      }]);
    expect(ledgerDataOf(given, 'AuthorizationRequested')).toEqual([expect.objectContaining({ preAuthorization: true, amount: { currency: 'CNY', minor: '80000' } })]);
  });

  it('completes a hold for more than held within the tolerance, as a sale carrying the hold and its approval, settled by the next batch', () => {
    const t = new TerminalScript();
    const { events, state } = replay([
      ...held(t, '80000'),
      t.preAuthorizationCompleted(tx(1), '92000'),
      t.settlementClosed(1, [{ method: 'CREDIT', count: 1, amountMinor: '92000', currency: 'CNY' }]),
    ], { preAuthorization: HOTEL });
    expect(ledgerDataOf(events, 'SaleApproved')).toEqual([expect.objectContaining({
      transactionId: tx(1), amount: { currency: 'CNY', minor: '92000' }, authCode: 'P77', hostReference: 'H-P1',
      preAuthorization: { held: { currency: 'CNY', minor: '80000' }, heldAt: expect.any(String) },
    })]);
    expect(ledgerDataOf(events, 'BatchClosed')[0]).toMatchObject({ status: 'MATCHED' });
    expect(saleOf(state, tx(1))?.status).toBe('SETTLED');
    expect(state.openHolds).toEqual([]);
  });

  it('refuses a completion above the tolerance, in another currency, twice, or of a hold that does not exist; a partial completion sells only what it says', () => {
    const t = new TerminalScript();
    const { events } = replay([
      ...held(t, '80000'),
      t.preAuthorizationCompleted(tx(1), '92001'),
      t.preAuthorizationCompleted(tx(1), '50000', 'USD'),
      t.preAuthorizationCompleted(tx(1), '50000'),
      t.preAuthorizationCompleted(tx(1), '10000'),
      t.preAuthorizationCompleted(tx(9), '100'),
      t.preAuthorizationCancelled(tx(1)),
    ], { preAuthorization: HOTEL });
    expect(rejectionCodes(events)).toEqual(['COMPLETION_EXCEEDS_HOLD', 'CURRENCY_MISMATCH', 'HOLD_NOT_ACTIVE', 'UNKNOWN_TRANSACTION', 'HOLD_NOT_ACTIVE']);
    expect(ledgerDataOf(events, 'SaleApproved').map((sale) => sale.amount.minor)).toEqual(['50000']);
  });

  it('allows no more than the hold without a tolerance (the default), and takes no hold on QR, cash or with a tip', () => {
    const t = new TerminalScript();
    const { events } = replay([
      ...held(t, '80000'),
      t.preAuthorizationCompleted(tx(1), '80001'),
      ...t.qrSaleReady(tx(2), 'WECHAT_PAY', '100'), t.preAuthorizationRequested(tx(2)),
      ...t.cashSaleStarted(tx(3), '100'), t.preAuthorizationRequested(tx(3)),
      t.tipEntered(tx(4), '10'), ...t.cardSaleReady(tx(4), 'CREDIT', '100'), t.preAuthorizationRequested(tx(4)),
    ]);
    expect(rejectionCodes(events)).toEqual(['COMPLETION_EXCEEDS_HOLD', 'PREAUTH_NOT_APPLICABLE', 'PREAUTH_NOT_APPLICABLE', 'PREAUTH_NOT_APPLICABLE']);
  });

  it('a declined or timed-out pre-authorisation holds nothing', () => {
    const t = new TerminalScript();
    const { events, state } = replay([
      t.signedIn(),
      ...t.cardSaleReady(tx(1), 'CREDIT', '1000'), t.preAuthorizationRequested(tx(1)), t.declined(tx(1)),
      ...t.cardSaleReady(tx(2), 'CREDIT', '1000'), t.preAuthorizationRequested(tx(2)), t.timedOut(tx(2)),
      t.preAuthorizationCompleted(tx(1), '1000'),
    ]);
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['SaleDeclined', 'AuthorizationReversed']));
    expect(rejectionCodes(events)).toEqual(['HOLD_NOT_ACTIVE']);
    expect(state.openHolds).toEqual([]);
  });

  it('cancelled, the hold is released and can no longer be completed', () => {
    const t = new TerminalScript();
    const { events, state } = replay([...held(t, '30000'), t.preAuthorizationCancelled(tx(1)), t.preAuthorizationCompleted(tx(1), '30000')]);
    expect(ledgerDataOf(events, 'PreAuthorizationReleased')).toEqual([expect.objectContaining({ transactionId: tx(1), reason: 'CANCELLED', amount: { currency: 'CNY', minor: '30000' } })]);
    expect(rejectionCodes(events)).toEqual(['HOLD_NOT_ACTIVE']);
    expect(saleOf(state, tx(1))?.status).toBe('RELEASED');
  });

  it('expires a hold at its expiry: at the first event after it (recorded at the expiry, before that event), or at the clock tick', () => {
    const t = new TerminalScript();
    const history = replay(held(t, '30000'), { preAuthorization: { tolerancePercent: 0, expiryDays: 1 } });
    const [hold] = ledgerDataOf(history.events, 'PreAuthorizationApproved');
    const late = { ...t.preAuthorizationCompleted(tx(1), '30000'), occurredAt: new Date(Date.parse(hold.expiresAt) + 1).toISOString() };
    const { events } = spec().given(history.events).when(record(late)).thenResult();
    expect(events.map((e) => e.type)).toEqual(['PreAuthorizationReleased', 'TerminalEventRecorded', 'TerminalEventRejected']);
    expect(ledgerDataOf(events, 'PreAuthorizationReleased')).toEqual([expect.objectContaining({ reason: 'EXPIRED', occurredAt: hold.expiresAt })]);

    const tick = (now: string) => ({ type: 'ExpireHolds' as const, data: { merchantId: 'm-1', feeSchedule: {} as never, operators: {}, now } });
    spec().given(history.events).when(tick(new Date(Date.parse(hold.expiresAt) - 1).toISOString())).thenNothingHappened();
    spec().given(history.events).when(tick(hold.expiresAt)).then([{
      type: 'PreAuthorizationReleased',
      data: {
        terminalEventId: `hold-expiry/t-1/${tx(1)}`, terminalId: 't-1', merchantId: 'm-1',
        transactionId: tx(1), amount: { currency: 'CNY', minor: '30000' }, method: 'CREDIT', scheme: 'UNIONPAY', reason: 'EXPIRED', heldAt: hold.occurredAt, occurredAt: hold.expiresAt,
      },
    }]);
  });

  it('property: a completion never exceeds its hold plus the tolerance, only completions are sold, and the postings balance', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 1_000_000_000n }),
        fc.bigInt({ min: 0n, max: 2_000_000_000n }),
        fc.integer({ min: 0, max: 100 }),
        fc.constantFrom('COMPLETE', 'CANCEL', 'EXPIRE'),
        (heldMinor, completedMinor, tolerancePercent, end) => {
          const t = new TerminalScript();
          const policy = { tolerancePercent, expiryDays: 7 };
          const history: TerminalEvent[] = held(t, heldMinor.toString());
          if (end === 'COMPLETE') history.push(t.preAuthorizationCompleted(tx(1), (completedMinor + 1n).toString()));
          if (end === 'CANCEL') history.push(t.preAuthorizationCancelled(tx(1)));
          const last = t.settlementClosed(1, []);
          if (end === 'EXPIRE') last.occurredAt = new Date(Date.parse(last.occurredAt) + 7 * DAY_MS).toISOString();
          const { events } = replay([...history, last], { preAuthorization: policy, receivedAt: last.occurredAt });
          const sold = ledgerDataOf(events, 'SaleApproved');
          for (const sale of sold) expect(BigInt(sale.amount.minor)).toBeLessThanOrEqual(completionCeiling(heldMinor, policy));
          if (end !== 'COMPLETE') expect(sold).toEqual([]);
          if (end === 'EXPIRE') expect(ledgerDataOf(events, 'PreAuthorizationReleased')).toEqual([expect.objectContaining({ reason: 'EXPIRED' })]);
          assertBalanced(events.flatMap(postingsFor));
          const owed = sold.reduce((sum, sale) => sum + BigInt(sale.amount.minor), 0n);
          const balance = balanceFromPostings(events.flatMap(postingsFor)).find((b) => b.currency === 'CNY');
          expect((balance?.pending.amountMinor ?? 0n) + (balance?.settled.amountMinor ?? 0n)).toBe(owed);
          expect(balance?.pending ?? money(0n, 'CNY')).toEqual(money(0n, 'CNY'));
        },
      ),
      { numRuns: 200 },
    );
  });
});
