import { TerminalEventOf } from '../../terminal-events/terminal-event';
import { withCause } from '../with-cause';
import { saleOf } from '../terminal-ledger.state';
import { supervisorApproval } from './supervisor.rules';
import { accept, reject, Rule } from './verdict';

/**
 * A void cancels an approved sale while its batch is still open; after settlement only a refund can. A cash sale
 * is never settled: it can be voided until part of it is refunded.
 */
export const voidSale: Rule<TerminalEventOf<'transaction.voided'>> = (event, state, context) => {
  const { cause } = context;
  const id = event.payload.originalTransactionId;
  const sale = saleOf(state, id);
  if (sale === undefined) return reject('UNKNOWN_TRANSACTION', `no sale ${id} on this terminal`);
  if (sale.status === 'VOIDED') return reject('ALREADY_VOIDED', `sale ${id} is already voided`);
  if (sale.status === 'SETTLED') return reject('VOID_AFTER_SETTLEMENT', `sale ${id} is settled; refund it instead`);
  if (sale.status !== 'APPROVED' || !sale.amount || !sale.method || !sale.scheme || !sale.approvedAt) {
    return reject('VOID_NOT_APPROVED', `sale ${id} is ${sale.status}, not APPROVED`);
  }
  if (sale.refundedMinor !== '0') return reject('VOID_AFTER_REFUND', `sale ${id} was partly refunded; refund the rest instead`);
  const approval = supervisorApproval(`the void of sale ${id}`, sale.amount.minor, event.payload.supervisorId, context);
  if ('rejected' in approval) return approval;
  return accept({
    type: 'SaleVoided',
    data: withCause(cause, {
      transactionId: id,
      amount: sale.amount,
      method: sale.method,
      scheme: sale.scheme,
      ...(sale.tip !== undefined ? { tip: sale.tip } : {}),
      saleOccurredAt: sale.approvedAt,
      occurredAt: event.occurredAt,
      ...(state.operatorId !== null ? { operatorId: state.operatorId } : {}),
      ...approval.approvedBy,
    }),
  });
};
