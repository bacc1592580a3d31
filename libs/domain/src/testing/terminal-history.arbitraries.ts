import fc from 'fast-check';
import { PaymentMethod, SettledMethod, SettlementTotalLine, TerminalEvent } from '../terminal-events/terminal-event';
import { TerminalScript, tx } from './terminal-script';

/** Test-only: fast-check generators of realistic terminal histories (valid flows mixed with invalid events). */

interface SalePlan {
  method: PaymentMethod;
  amountMinor: bigint;
  currency: string;
  outcome: 'APPROVE' | 'DECLINE' | 'TIMEOUT' | 'ABANDON';
  pin: 'VERIFIED' | 'FAILED' | 'BYPASSED';
  voidIt: boolean;
  signature: boolean;
  receipts: number;
  refundPercents: number[];
  closeBatchAfter: boolean;
  honestTotals: boolean;
  noise: 'NONE' | 'APPROVE_AGAIN' | 'VOID_UNKNOWN' | 'REFUND_NOW' | 'SIGN_OUT_IN';
  /** A card sale's tip, entered before authorisation or after approval. */
  tip: 'NONE' | 'BEFORE' | 'AFTER';
  tipMinor: bigint;
  /** A card sale approved by the terminal offline, and the host's answer when it is forwarded: now or after the next close. */
  offline: 'NO' | 'CONFIRMED' | 'DECLINED' | 'DECLINED_AFTER_CLOSE';
  /** A card sale taken as a pre-authorisation (when not offline): completed for its amount, or cancelled. */
  hold: 'NO' | 'COMPLETED' | 'CANCELLED';
}

const salePlan: fc.Arbitrary<SalePlan> = fc.record({
  method: fc.constantFrom<PaymentMethod>('DEBIT', 'CREDIT', 'WECHAT_PAY', 'ALIPAY', 'CASH'),
  amountMinor: fc.bigInt({ min: 1n, max: 10_000_000_000n }),
  currency: fc.constantFrom('CNY', 'USD', 'JPY', 'KWD'),
  outcome: fc.constantFrom<SalePlan['outcome']>('APPROVE', 'APPROVE', 'APPROVE', 'DECLINE', 'TIMEOUT', 'ABANDON'),
  pin: fc.constantFrom<SalePlan['pin']>('VERIFIED', 'VERIFIED', 'FAILED', 'BYPASSED'),
  voidIt: fc.boolean(),
  signature: fc.boolean(),
  receipts: fc.integer({ min: 0, max: 3 }),
  refundPercents: fc.array(fc.integer({ min: 1, max: 120 }), { maxLength: 3 }),
  closeBatchAfter: fc.boolean(),
  honestTotals: fc.boolean(),
  noise: fc.constantFrom<SalePlan['noise']>('NONE', 'NONE', 'NONE', 'APPROVE_AGAIN', 'VOID_UNKNOWN', 'REFUND_NOW', 'SIGN_OUT_IN'),
  tip: fc.constantFrom<SalePlan['tip']>('NONE', 'NONE', 'BEFORE', 'AFTER'),
  tipMinor: fc.bigInt({ min: 1n, max: 1_000_000_000n }),
  offline: fc.constantFrom<SalePlan['offline']>('NO', 'NO', 'NO', 'CONFIRMED', 'DECLINED', 'DECLINED_AFTER_CLOSE'),
  hold: fc.constantFrom<SalePlan['hold']>('NO', 'NO', 'NO', 'COMPLETED', 'CANCELLED'),
});

/** A merchant offline limit that lets most generated card sales through, and refuses some. */
export const GENERATED_OFFLINE_LIMIT_MINOR = '5000000000';

const isCardPlan = (plan: SalePlan): boolean => plan.method === 'DEBIT' || plan.method === 'CREDIT';

/** What an approved sale of the plan captures: its amount, and its tip on a card. */
const capturedMinor = (plan: SalePlan): bigint => plan.amountMinor + (isCardPlan(plan) && plan.tip !== 'NONE' ? plan.tipMinor : 0n);

/**
 * A cash sale: approved, the customer hands over the amount and some change; declined, too little cash; timed
 * out, a cash sale sent to the host (refused).
 */
function cashSale(t: TerminalScript, id: string, plan: SalePlan): TerminalEvent[] {
  const steps = t.cashSaleStarted(id, plan.amountMinor.toString(), plan.currency);
  if (plan.outcome === 'APPROVE') return [...steps, t.cashReceived(id, (plan.amountMinor + BigInt(plan.receipts) * 100n).toString(), plan.currency)];
  if (plan.outcome === 'DECLINE' && plan.amountMinor > 1n) return [...steps, t.cashReceived(id, (plan.amountMinor - 1n).toString(), plan.currency)];
  if (plan.outcome === 'TIMEOUT') return [...steps, t.authorizationRequested(id)];
  return steps;
}

const isOffline = (plan: SalePlan): boolean => isCardPlan(plan) && plan.outcome === 'APPROVE' && plan.offline !== 'NO';
const isHold = (plan: SalePlan): boolean => isCardPlan(plan) && plan.outcome === 'APPROVE' && !isOffline(plan) && plan.hold !== 'NO';
const isSold = (plan: SalePlan): boolean => plan.outcome === 'APPROVE' && !(isHold(plan) && plan.hold === 'CANCELLED');

/**
 * A card or QR sale sent to the host, or approved offline (its host answer now, or queued for after the next close),
 * or held as a pre-authorisation and then completed or cancelled.
 */
function hostSale(t: TerminalScript, id: string, plan: SalePlan, declinedAfterClose: string[]): TerminalEvent[] {
  const amount = plan.amountMinor.toString();
  const isCard = isCardPlan(plan);
  const events: TerminalEvent[] = [];
  if (isCard && plan.tip === 'BEFORE') events.push(t.tipEntered(id, plan.tipMinor.toString(), plan.currency));
  if (isOffline(plan)) {
    events.push(...t.cardSaleReady(id, plan.method as 'DEBIT' | 'CREDIT', amount, plan.pin, plan.currency), t.approvedOffline(id));
    if (plan.offline === 'CONFIRMED') events.push(t.approved(id));
    if (plan.offline === 'DECLINED') events.push(t.declined(id));
    if (plan.offline === 'DECLINED_AFTER_CLOSE') declinedAfterClose.push(id);
  } else if (isHold(plan)) {
    events.push(...t.cardSaleReady(id, plan.method as 'DEBIT' | 'CREDIT', amount, plan.pin, plan.currency), t.preAuthorizationRequested(id), t.approved(id));
    events.push(plan.hold === 'COMPLETED' ? t.preAuthorizationCompleted(id, amount, plan.currency) : t.preAuthorizationCancelled(id));
  } else {
    events.push(
      ...(isCard
        ? t.cardSaleRequested(id, plan.method as 'DEBIT' | 'CREDIT', amount, plan.pin, plan.currency)
        : t.qrSaleRequested(id, plan.method as 'WECHAT_PAY' | 'ALIPAY', amount, plan.currency)),
    );
    if (plan.outcome === 'APPROVE') events.push(t.approved(id));
  }
  if (isSold(plan) && isCard && plan.tip === 'AFTER') events.push(t.tipEntered(id, plan.tipMinor.toString(), plan.currency));
  if (plan.outcome === 'DECLINE') events.push(t.declined(id));
  if (plan.outcome === 'TIMEOUT') events.push(t.timedOut(id));
  return events;
}

/** Builds the terminal events of a list of sale plans, in sequence order. */
export function historyFromPlans(plans: readonly SalePlan[], terminalId = 't-1'): TerminalEvent[] {
  const t = new TerminalScript(terminalId);
  const events: TerminalEvent[] = [t.signedIn()];
  let batch = 0;
  let openBatch: { id: string; plan: SalePlan }[] = [];
  const settled: { id: string; plan: SalePlan }[] = [];
  let refunds = 0;
  let declinedAfterClose: string[] = [];

  plans.forEach((plan, index) => {
    const id = tx(index + 1);
    if (plan.method === 'CASH') events.push(...cashSale(t, id, plan));
    else events.push(...hostSale(t, id, plan, declinedAfterClose));
    if (plan.signature) events.push(t.signatureCaptured(id));
    for (let r = 0; r < plan.receipts; r++) events.push(r === 2 ? t.receiptEmailed(id) : t.receiptPrinted(id, r === 0 ? 'MERCHANT' : 'CUSTOMER'));
    if (plan.voidIt) events.push(t.voided(tx(10_000 + index), id));
    // Cash is never settled: it can be refunded from the drawer as soon as it is taken.
    else if (isSold(plan)) (plan.method === 'CASH' ? settled : openBatch).push({ id, plan });
    if (plan.noise === 'APPROVE_AGAIN') events.push(t.approved(id));
    if (plan.noise === 'VOID_UNKNOWN') events.push(t.voided(tx(20_000 + index), tx(99_999)));
    if (plan.noise === 'REFUND_NOW') events.push(t.refundApproved(tx(30_000 + index), id, '1', plan.currency));
    if (plan.noise === 'SIGN_OUT_IN') events.push(t.signedOut(), t.cardInserted(tx(40_000 + index)), t.signedIn('op-2'));
    if (plan.closeBatchAfter) {
      batch += 1;
      const totals: SettlementTotalLine[] = openBatch.map(({ plan: p }) => ({
        method: p.method as SettledMethod,
        count: 1,
        amountMinor: (p.honestTotals ? capturedMinor(p) : capturedMinor(p) + 1n).toString(),
        currency: p.currency,
      }));
      events.push(t.settlementClosed(batch, totals));
      settled.push(...openBatch);
      openBatch = [];
      events.push(...declinedAfterClose.map((id) => t.declined(id)));
      declinedAfterClose = [];
      for (const sale of settled) {
        for (const percent of sale.plan.refundPercents) {
          refunds += 1;
          const refundMinor = (capturedMinor(sale.plan) * BigInt(percent)) / 100n;
          if (refundMinor > 0n) events.push(t.refundApproved(tx(50_000 + refunds), sale.id, refundMinor.toString(), sale.plan.currency));
        }
      }
    }
  });
  return events;
}

/** A terminal history of up to 12 sales with their settlements, refunds, receipts and some invalid events. */
export const terminalHistory = (terminalId = 't-1'): fc.Arbitrary<TerminalEvent[]> =>
  fc.array(salePlan, { minLength: 1, maxLength: 12 }).map((plans) => historyFromPlans(plans, terminalId));

/** The same events redelivered: some duplicated, all shuffled. */
export function redelivery(events: readonly TerminalEvent[]): fc.Arbitrary<TerminalEvent[]> {
  return fc
    .array(fc.integer({ min: 0, max: events.length - 1 }), { maxLength: events.length })
    .chain((duplicates) => {
      const delivered = [...events, ...duplicates.map((i) => events[i])];
      return fc.shuffledSubarray(delivered, { minLength: delivered.length, maxLength: delivered.length });
    });
}
