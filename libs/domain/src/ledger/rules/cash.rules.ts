import { TerminalEventOf } from '../../terminal-events/terminal-event';
import { withCause } from '../with-cause';
import { saleOf } from '../terminal-ledger.state';
import { accept, reject, Rule } from './verdict';

/** 现金: the cash handed over completes an OPEN CASH sale at once; no host is asked and no batch settles it. */
export const receiveCash: Rule<TerminalEventOf<'cash.received'>> = (event, state, { cause }) => {
  if (state.operatorId === null) return reject('OPERATOR_NOT_SIGNED_IN', 'cash is taken by a signed-in operator');
  const sale = saleOf(state, event.transactionId);
  if (sale === undefined || sale.status !== 'OPEN') {
    return reject('TRANSACTION_NOT_OPEN', `transaction ${event.transactionId} is ${sale?.status ?? 'not started'}, not OPEN`);
  }
  const { amount, method } = sale;
  if (amount === undefined) return reject('AMOUNT_MISSING', 'no amount was entered');
  if (method !== 'CASH') return reject('METHOD_MISMATCH', `cash was received but ${method ?? 'no method'} was selected`);
  if (sale.card !== undefined || sale.walletReference !== undefined) {
    return reject('METHOD_MISMATCH', `CASH was selected but a ${sale.card ? 'card was read' : 'QR code was scanned'}`);
  }
  if (sale.tip !== undefined) return reject('TIP_NOT_APPLICABLE', 'tips are taken on card sales, not CASH');
  const { tenderedMinor, currency } = event.payload;
  if (currency !== amount.currency) return reject('CURRENCY_MISMATCH', `cash in ${currency} for a sale in ${amount.currency}`);
  const change = BigInt(tenderedMinor) - BigInt(amount.minor);
  if (change < 0n) return reject('CASH_SHORT', `${tenderedMinor} ${currency} minor units were handed over for a sale of ${amount.minor}`);
  return accept({
    type: 'SaleApproved',
    data: withCause(cause, {
      transactionId: sale.transactionId,
      amount,
      method,
      scheme: 'NONE',
      ...(sale.operatorId !== undefined ? { operatorId: sale.operatorId } : {}),
      cash: { tendered: { currency, minor: tenderedMinor }, change: { currency, minor: change.toString() } },
      occurredAt: event.occurredAt,
    }),
  });
};
