import { isValidId } from '../../values/ids';
import { withCause } from '../with-cause';
import { MoneyJson } from '../../values/money';
import { capturedAmount } from '../captured-amount';
import { DisputeRefusal, DisputeRefusedError } from '../dispute-refused.error';
import { Cause, DisputeOutcome, LedgerEvent } from '../ledger-events';
import { disputeOf, saleOf, TerminalLedgerState } from '../terminal-ledger.state';

const refuse = (refusal: DisputeRefusal, message: string): never => {
  throw new DisputeRefusedError(refusal, message);
};

// A reason is free text from the acquirer's file or an operator: printable, no control or format characters.
const REASON = /^[^\p{C}]{1,256}$/u;
const MINOR_UNITS = /^[1-9][0-9]{0,17}$/;

const causeOf = (state: TerminalLedgerState, merchantId: string, disputeId: string, step: string): Cause =>
  ({ terminalEventId: `dispute/${disputeId}/${step}`, terminalId: state.terminalId, merchantId });

export interface DisputeOpening {
  merchantId: string;
  disputeId: string;
  transactionId: string;
  amount: MoneyJson;
  reason: string;
  now: string;
}

/**
 * A chargeback opened on a settled card or QR sale: the disputed amount, at most what the sale still stands for (less
 * refunds and other open disputes), is held from the merchant's funds until the dispute is won or lost.
 */
export function openDispute(data: DisputeOpening, state: TerminalLedgerState): LedgerEvent[] {
  const { disputeId, transactionId, amount, reason } = data;
  if (!isValidId(disputeId)) refuse('INVALID_DISPUTE', `a dispute id is 1-64 letters, digits, _ . -, got ${JSON.stringify(disputeId)}`);
  if (!MINOR_UNITS.test(amount.minor)) refuse('INVALID_DISPUTE', `a disputed amount is a positive whole number of minor units, got ${JSON.stringify(amount.minor)}`);
  if (!REASON.test(reason) || reason.trim() !== reason) refuse('INVALID_DISPUTE', 'a reason is 1 to 256 printable characters, without leading or trailing spaces');
  if (disputeOf(state, disputeId) !== undefined) refuse('DISPUTE_EXISTS', `dispute ${disputeId} already exists on this terminal`);
  const sale = saleOf(state, transactionId);
  if (sale === undefined) return refuse('UNKNOWN_TRANSACTION', `no sale ${transactionId} on terminal ${state.terminalId}`);
  if (sale.status !== 'SETTLED' || !sale.amount || !sale.method || sale.method === 'CASH' || !sale.scheme) {
    return refuse('NOT_DISPUTABLE', `sale ${transactionId} is ${sale.status}${sale.method === 'CASH' ? ' cash' : ''}: only settled card and QR sales are disputed`);
  }
  if (amount.currency !== sale.amount.currency) refuse('CURRENCY_MISMATCH', `a dispute in ${amount.currency} of a sale in ${sale.amount.currency}`);
  const left = BigInt(capturedAmount({ amount: sale.amount, tip: sale.tip }).minor) - BigInt(sale.refundedMinor) - BigInt(sale.disputedMinor ?? '0');
  if (BigInt(amount.minor) > left) refuse('DISPUTE_EXCEEDS_SALE', `${amount.minor} is more than the ${left} the sale still stands for`);
  return [{
    type: 'DisputeOpened',
    data: withCause(causeOf(state, data.merchantId, disputeId, 'opened'), { disputeId, transactionId, amount, method: sale.method, scheme: sale.scheme, reason, openedAt: data.now }),
  }];
}

export interface DisputeEvidence {
  merchantId: string;
  disputeId: string;
  evidence: string;
  now: string;
}

// Evidence is a note for the acquirer: printable text, line breaks allowed, no other control or format characters.
const EVIDENCE = /^(?:[^\p{C}]|\n){1,2000}$/u;

/** The merchant's answer to an open dispute, sent once; the acquirer's decision comes later. */
export function submitDisputeEvidence(data: DisputeEvidence, state: TerminalLedgerState): LedgerEvent[] {
  const { disputeId, evidence } = data;
  const dispute = disputeOf(state, disputeId);
  if (dispute === undefined) return refuse('UNKNOWN_DISPUTE', `no dispute ${disputeId} on terminal ${state.terminalId}`);
  if (dispute.status !== 'OPEN') refuse('DISPUTE_RESOLVED', `dispute ${disputeId} was already ${dispute.status}`);
  if (dispute.evidenceSubmitted) refuse('EVIDENCE_SUBMITTED', `the evidence of dispute ${disputeId} was already submitted`);
  if (!EVIDENCE.test(evidence) || evidence.trim() !== evidence) refuse('INVALID_DISPUTE', 'evidence is 1 to 2000 printable characters (line breaks allowed), without leading or trailing spaces');
  return [{
    type: 'DisputeEvidenceSubmitted',
    data: withCause(causeOf(state, data.merchantId, disputeId, 'evidence'), { disputeId, transactionId: dispute.transactionId, evidence, submittedAt: data.now }),
  }];
}

export interface DisputeResolution {
  merchantId: string;
  disputeId: string;
  outcome: DisputeOutcome;
  /** The acquirer's chargeback fee on a lost dispute, in the sale's currency. */
  fee?: MoneyJson;
  now: string;
}

/** Won, the held amount goes back to the merchant; lost, it goes back to the cardholder, with the acquirer's fee. */
export function resolveDispute(data: DisputeResolution, state: TerminalLedgerState): LedgerEvent[] {
  const { disputeId, outcome, fee } = data;
  const dispute = disputeOf(state, disputeId);
  if (dispute === undefined) return refuse('UNKNOWN_DISPUTE', `no dispute ${disputeId} on terminal ${state.terminalId}`);
  if (dispute.status !== 'OPEN') refuse('DISPUTE_RESOLVED', `dispute ${disputeId} was already ${dispute.status}`);
  if (fee !== undefined && outcome === 'WON') refuse('INVALID_DISPUTE', 'a won dispute costs no fee');
  if (fee !== undefined && (fee.currency !== dispute.amount.currency || !/^(0|[1-9][0-9]{0,17})$/.test(fee.minor))) {
    refuse('INVALID_DISPUTE', `a chargeback fee is a whole number of ${dispute.amount.currency} minor units`);
  }
  const { transactionId, amount, method, scheme } = dispute;
  return [{
    type: 'DisputeResolved',
    data: withCause(causeOf(state, data.merchantId, disputeId, 'resolved'), {
      disputeId, transactionId, outcome, amount, method, scheme,
      ...(fee !== undefined && fee.minor !== '0' ? { fee } : {}),
      resolvedAt: data.now,
    }),
  }];
}
