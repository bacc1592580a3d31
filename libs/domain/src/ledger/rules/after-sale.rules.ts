import { isCardMethod, TerminalEventOf } from '../../terminal-events/terminal-event';
import { withCause } from '../with-cause';
import { ReceiptChannel } from '../ledger-events';
import { refundOf, saleOf, TerminalLedgerState } from '../terminal-ledger.state';
import { accept, reject, Rule, RuleContext, Verdict } from './verdict';

export const captureSignature: Rule<TerminalEventOf<'signature.captured'>> = (event, state, { cause }) => {
  const sale = saleOf(state, event.transactionId);
  if (sale?.status !== 'APPROVED' || sale.method === undefined || !isCardMethod(sale.method)) {
    return reject('SIGNATURE_NOT_APPLICABLE', `a signature needs an approved card sale; ${event.transactionId} is ${sale?.status ?? 'unknown'}`);
  }
  return accept({ type: 'SignatureCaptured', data: withCause(cause, { transactionId: event.transactionId }) });
};

const WITH_OUTCOME = new Set(['APPROVED', 'DECLINED', 'REVERSED', 'VOIDED', 'SETTLED']);

/** Receipts follow an outcome (of a sale or a refund); a second copy of the same kind is a reprint. */
function issueReceipt(transactionId: string, channel: ReceiptChannel, state: TerminalLedgerState, { cause }: RuleContext): Verdict {
  const sale = saleOf(state, transactionId);
  const refund = refundOf(state, transactionId);
  if (sale === undefined && refund === undefined) return reject('UNKNOWN_TRANSACTION', `no transaction ${transactionId} on this terminal`);
  if (sale !== undefined && !WITH_OUTCOME.has(sale.status)) {
    return reject('RECEIPT_BEFORE_OUTCOME', `transaction ${transactionId} is ${sale.status}, it has no outcome yet`);
  }
  const issued = sale?.receipts ?? refund?.receipts ?? [];
  return accept({ type: 'ReceiptIssued', data: withCause(cause, { transactionId, channel, reprint: issued.includes(channel) }) });
}

export const printReceipt: Rule<TerminalEventOf<'receipt.printed'>> = (event, state, context) =>
  issueReceipt(event.transactionId, event.payload.copy === 'MERCHANT' ? 'PRINTED_MERCHANT' : 'PRINTED_CUSTOMER', state, context);

export const emailReceipt: Rule<TerminalEventOf<'receipt.emailed'>> = (event, state, context) =>
  issueReceipt(event.transactionId, 'EMAILED', state, context);
