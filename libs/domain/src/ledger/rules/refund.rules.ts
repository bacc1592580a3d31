import { TerminalEventOf } from '../../terminal-events/terminal-event';
import { withCause } from '../with-cause';
import { capturedAmount } from '../captured-amount';
import { refundOf, saleOf } from '../terminal-ledger.state';
import { feeReturnedBy } from '../refund-fee-policy';
import { supervisorApproval } from './supervisor.rules';
import { accept, reject, Rule } from './verdict';

/**
 * A refund gives back part or all of a settled sale (its tip included), or of a cash sale (never settled: the drawer
 * pays it back); all refunds of a sale together never exceed what it captured.
 */
export const approveRefund: Rule<TerminalEventOf<'refund.approved'>> = (event, state, context) => {
  const { cause } = context;
  const refundId = event.transactionId;
  const { originalTransactionId: id, amountMinor, currency } = event.payload;
  // A refund is a transaction of its own; its id may repeat the sale's, never another transaction's.
  const clashingSale = refundId !== event.payload.originalTransactionId && saleOf(state, refundId) !== undefined;
  if (clashingSale || refundOf(state, refundId) !== undefined) {
    return reject('TRANSACTION_ALREADY_EXISTS', `transaction ${refundId} already exists on this terminal`);
  }
  const sale = saleOf(state, id);
  if (sale === undefined) return reject('UNKNOWN_TRANSACTION', `no sale ${id} on this terminal`);
  const refundable = sale.status === 'SETTLED' || (sale.status === 'APPROVED' && sale.method === 'CASH');
  if (sale.status === 'APPROVED' && !refundable) return reject('REFUND_BEFORE_SETTLEMENT', `sale ${id} is not settled yet; void it instead`);
  if (!refundable || !sale.amount || !sale.method || !sale.scheme || !sale.approvedAt) {
    return reject('REFUND_NOT_CAPTURED', `sale ${id} is ${sale.status}: nothing was captured`);
  }
  if (currency !== sale.amount.currency) {
    return reject('CURRENCY_MISMATCH', `refund in ${currency} of a sale in ${sale.amount.currency}`);
  }
  const captured = BigInt(capturedAmount({ amount: sale.amount, tip: sale.tip }).minor);
  const left = captured - BigInt(sale.refundedMinor);
  if (BigInt(amountMinor) > left) {
    return reject('REFUND_EXCEEDS_CAPTURED', `refund of ${amountMinor} exceeds the ${left} ${currency} minor units still refundable`);
  }
  const approval = supervisorApproval(`the refund ${refundId}`, amountMinor, event.payload.supervisorId, context);
  if ('rejected' in approval) return approval;
  const feeReturned = context.refundFees === 'RETURNED' && sale.fee !== undefined
    ? feeReturnedBy(BigInt(sale.fee.minor), captured, BigInt(sale.refundedMinor), BigInt(amountMinor), BigInt(sale.feeReturnedMinor ?? '0'))
    : 0n;
  return accept({
    type: 'RefundApproved',
    data: withCause(cause, {
      refundId,
      originalTransactionId: id,
      amount: { currency, minor: amountMinor },
      method: sale.method,
      scheme: sale.scheme,
      saleOccurredAt: sale.approvedAt,
      occurredAt: event.occurredAt,
      ...(state.operatorId !== null ? { operatorId: state.operatorId } : {}),
      ...approval.approvedBy,
      ...(feeReturned > 0n ? { feeReturned: { currency, minor: feeReturned.toString() } } : {}),
    }),
  });
};
