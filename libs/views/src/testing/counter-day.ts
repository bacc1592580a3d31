import { DEFAULT_FEE_SCHEDULE, terminalLedgerDecider, type LedgerEvent, type TerminalLedgerCommand } from '@posledger/domain';
import { replay, TerminalScript, tx } from '@posledger/domain/testing';
import type { Recorded } from '../view-row';

/**
 * A day at one counter, decided by the real terminal ledger: a card sale, a WeChat Pay sale, a declined sale, a
 * timed-out one, a void of the WeChat sale, a batch close and a partial refund of the card sale.
 */
export function counterDay(): LedgerEvent[] {
  const t = new TerminalScript('t-1');
  return replay([
    t.signedIn(),
    ...t.cardSaleRequested(tx(1), 'DEBIT', '10000'),
    t.approved(tx(1)),
    ...t.qrSaleRequested(tx(2), 'WECHAT_PAY', '5000'),
    t.approved(tx(2)),
    ...t.cardSaleRequested(tx(3), 'CREDIT', '700'),
    t.declined(tx(3)),
    ...t.cardSaleRequested(tx(4), 'CREDIT', '900'),
    t.timedOut(tx(4)),
    t.voided(tx(20), tx(2)),
    t.settlementClosed(1, [{ method: 'DEBIT', count: 1, amountMinor: '10000', currency: 'CNY' }]),
    t.refundApproved(tx(10), tx(1), '2500'),
  ]).events;
}

export const RECORDED_AT = '2026-11-23T03:00:00.000Z';

/** Where the store would have recorded the n-th event of a history. */
export const recordedAs = (n: number): Recorded => ({ id: `event-${n}`, position: BigInt(n), recordedAt: RECORDED_AT });

/** Every row a view's row function makes of a history, in order. */
export function rowsOf<E, R>(events: readonly E[], rows: (event: E, recorded: Recorded) => readonly R[]): R[] {
  return events.flatMap((event, n) => rows(event, recordedAs(n)));
}

export function only<T extends LedgerEvent['type']>(events: readonly LedgerEvent[], type: T): Extract<LedgerEvent, { type: T }>[] {
  return events.filter((event): event is Extract<LedgerEvent, { type: T }> => event.type === type);
}

/**
 * Offline sales (store-and-forward, limit 10000): tx(1) confirmed by the host, tx(2) declined before the batch closes,
 * tx(3) declined after it closed, with a tip on tx(2).
 */
export function offlineDay(): LedgerEvent[] {
  const t = new TerminalScript('t-1');
  return replay([
    t.signedIn(),
    ...t.cardSaleReady(tx(1), 'DEBIT', '1000'), t.approvedOffline(tx(1)),
    ...t.cardSaleReady(tx(2), 'CREDIT', '2000'), t.approvedOffline(tx(2)), t.tipEntered(tx(2), '200'),
    ...t.cardSaleReady(tx(3), 'CREDIT', '3000'), t.approvedOffline(tx(3)),
    t.approved(tx(1)), t.declined(tx(2)),
    t.settlementClosed(1, [{ method: 'DEBIT', count: 1, amountMinor: '1000', currency: 'CNY' }, { method: 'CREDIT', count: 1, amountMinor: '3000', currency: 'CNY' }]),
    t.declined(tx(3)),
  ], { offlineUpToMinor: '10000' }).events;
}

/** Pre-authorisations (tolerance 15%): tx(1) held 80000 and completed for 92000, tx(2) held 30000 and cancelled. */
export function holdDay(): LedgerEvent[] {
  const t = new TerminalScript('t-1');
  return replay([
    t.signedIn(),
    ...t.cardSaleReady(tx(1), 'CREDIT', '80000'), t.preAuthorizationRequested(tx(1)), t.approved(tx(1)),
    ...t.cardSaleReady(tx(2), 'CREDIT', '30000'), t.preAuthorizationRequested(tx(2)), t.approved(tx(2)),
    t.preAuthorizationCompleted(tx(1), '92000'), t.preAuthorizationCancelled(tx(2)),
  ], { preAuthorization: { tolerancePercent: 15, expiryDays: 30 } }).events;
}

export const DISPUTE_LOST_AT = '2026-12-01T08:00:00.000Z';

/**
 * Chargebacks on a settled batch of two sales: cb-1 on tx(1) (CREDIT 10000) lost with a fee of 1500 at
 * DISPUTE_LOST_AT, cb-2 on part of tx(2) (WECHAT_PAY 8000 of 20000) answered with evidence and won.
 */
export function disputeDay(): LedgerEvent[] {
  const t = new TerminalScript('t-1');
  const { events, state } = replay([
    t.signedIn(),
    ...t.cardSaleRequested(tx(1), 'CREDIT', '10000'), t.approved(tx(1)),
    ...t.qrSaleRequested(tx(2), 'WECHAT_PAY', '20000'), t.approved(tx(2)),
    t.settlementClosed(1, [{ method: 'CREDIT', count: 1, amountMinor: '10000', currency: 'CNY' }, { method: 'WECHAT_PAY', count: 1, amountMinor: '20000', currency: 'CNY' }]),
  ]);
  const context = { merchantId: 'm-1', feeSchedule: DEFAULT_FEE_SCHEDULE, operators: {} };
  const commands: TerminalLedgerCommand[] = [
    { type: 'OpenDispute', data: { ...context, disputeId: 'cb-1', transactionId: tx(1), amount: { currency: 'CNY', minor: '10000' }, reason: 'fraud', now: '2026-11-28T08:00:00.000Z' } },
    { type: 'OpenDispute', data: { ...context, disputeId: 'cb-2', transactionId: tx(2), amount: { currency: 'CNY', minor: '8000' }, reason: 'not received', now: '2026-11-28T09:00:00.000Z' } },
    { type: 'SubmitDisputeEvidence', data: { ...context, disputeId: 'cb-2', evidence: 'delivery note DN-7', now: '2026-11-29T09:00:00.000Z' } },
    { type: 'ResolveDispute', data: { ...context, disputeId: 'cb-1', outcome: 'LOST', fee: { currency: 'CNY', minor: '1500' }, now: DISPUTE_LOST_AT } },
    { type: 'ResolveDispute', data: { ...context, disputeId: 'cb-2', outcome: 'WON', now: '2026-12-02T08:00:00.000Z' } },
  ];
  const decider = terminalLedgerDecider('t-1');
  let current = state;
  const all = [...events];
  for (const command of commands) {
    const decision = decider.decideAndEvolve(command, current);
    current = decision.state;
    all.push(...decision.events);
  }
  return all;
}
