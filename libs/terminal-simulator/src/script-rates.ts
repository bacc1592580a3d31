// How often each branch of a terminal's behaviour happens. Probabilities in [0, 1], but outageFlows (a count).

export interface ScriptRates {
  /** Share of sales paid in cash (现金), into the drawer: no host, no settlement. */
  readonly cashShare: number;
  /** Of the other sales, the share paid by WeChat Pay / Alipay QR code; the rest by card. */
  readonly qrShare: number;
  /** Share of card sales that are DEBIT (PIN verified); the rest CREDIT (PIN bypassed, signature). */
  readonly debitShareOfCards: number;
  readonly approval: number;
  /** Declines; whatever is neither approved nor declined times out. */
  readonly decline: number;
  /** Approved sales voided later in the same batch. */
  readonly void: number;
  /** Settled sales refunded after the settlement. */
  readonly refund: number;
  /** Of refunds, the share that are partial. */
  readonly partialRefund: number;
  readonly emailReceipt: number;
  readonly reprint: number;
  /** CREDIT sales with a tip; half entered before authorisation, half adjusted after approval. */
  readonly tip: number;
  /** DEBIT cardholders who mistype the PIN once before it verifies. */
  readonly pinRetry: number;
  /** Settlements whose terminal totals leave out one sale (a MISMATCH for demos). Off by default. */
  readonly mismatch: number;
  /** Flows that start a host/network outage: no QR, card sales approved offline up to the merchant's limit. Off by default. */
  readonly outage: number;
  /** How many flows an outage lasts. */
  readonly outageFlows: number;
  /** Of the offline sales the terminal forwards once back online, the share the host declines. */
  readonly offlineDecline: number;
  /** Customers (with the host reachable) whose card is pre-authorised for a deposit (预授权) instead of sold. Off by default: a hold taken on a simulated clock more than its expiry days ago is released by the ledger's clock at once. */
  readonly preAuthorization: number;
  /** Of the holds, the share cancelled rather than completed. */
  readonly holdCancel: number;
}

export const DEFAULT_SCRIPT_RATES: ScriptRates = {
  cashShare: 0.12,
  qrShare: 0.3,
  debitShareOfCards: 0.6,
  approval: 0.88,
  decline: 0.08,
  void: 0.03,
  refund: 0.02,
  partialRefund: 0.5,
  emailReceipt: 0.15,
  reprint: 0.05,
  tip: 0.2,
  pinRetry: 0.03,
  mismatch: 0,
  outage: 0,
  outageFlows: 8,
  offlineDecline: 0.1,
  preAuthorization: 0,
  holdCancel: 0.2,
};
