import { isCardMethod, TerminalEventOf } from '../../terminal-events/terminal-event';
import { withCause } from '../with-cause';
import { saleOf } from '../terminal-ledger.state';
import { accept, reject, Rule } from './verdict';

/**
 * A gratuity on a card sale. While the sale is OPEN it is a step like the amount (authorised with it, a later one
 * replaces it); on an APPROVED sale not yet settled it adjusts what the batch captures, once.
 */
export const enterTip: Rule<TerminalEventOf<'tip.entered'>> = (event, state, { cause }) => {
  if (state.operatorId === null) return reject('OPERATOR_NOT_SIGNED_IN', 'a tip is entered by a signed-in operator');
  const { tipMinor, currency } = event.payload;
  const tip = { currency, minor: tipMinor };
  const sale = saleOf(state, event.transactionId);
  if (sale?.method !== undefined && !isCardMethod(sale.method)) return reject('TIP_NOT_APPLICABLE', `tips are taken on card sales, not ${sale.method}`);
  if (sale?.amount !== undefined && sale.amount.currency !== currency) return reject('CURRENCY_MISMATCH', `a tip in ${currency} on a sale in ${sale.amount.currency}`);
  if (sale === undefined || sale.status === 'OPEN') {
    return accept({ type: 'SaleDetailsCaptured', data: withCause(cause, { transactionId: event.transactionId, details: { step: 'TIP', tip }, occurredAt: event.occurredAt }) });
  }
  if (sale.status !== 'APPROVED' || !sale.method || !sale.scheme || !sale.approvedAt) {
    return reject('TRANSACTION_NOT_OPEN', `a tip is entered before authorisation or on an approved sale before its batch closes; ${event.transactionId} is ${sale.status}`);
  }
  if (sale.tip !== undefined) return reject('TIP_ALREADY_ENTERED', `sale ${event.transactionId} already has a tip of ${sale.tip.minor}`);
  return accept({
    type: 'TipAdjusted',
    data: withCause(cause, {
      transactionId: event.transactionId,
      tip,
      method: sale.method,
      scheme: sale.scheme,
      saleOccurredAt: sale.approvedAt,
      occurredAt: event.occurredAt,
      ...(state.operatorId !== null ? { operatorId: state.operatorId } : {}),
    }),
  });
};
