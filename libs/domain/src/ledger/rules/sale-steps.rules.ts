import { TerminalEventOf } from '../../terminal-events/terminal-event';
import { withCause } from '../with-cause';
import { SaleDetails } from '../ledger-events';
import { saleOf } from '../terminal-ledger.state';
import { accept, reject, Rule } from './verdict';

type SaleStepEvent =
  | TerminalEventOf<'card.inserted'>
  | TerminalEventOf<'qr.scanned'>
  | TerminalEventOf<'pin.entered'>
  | TerminalEventOf<'payment.method_selected'>
  | TerminalEventOf<'amount.entered'>;

function detailsOf(event: SaleStepEvent): SaleDetails {
  switch (event.type) {
    case 'card.inserted':
      return { step: 'CARD', ...event.payload };
    case 'qr.scanned':
      return { step: 'QR', walletReference: event.payload.walletReference };
    case 'pin.entered':
      return { step: 'PIN', result: event.payload.result };
    case 'payment.method_selected':
      return { step: 'METHOD', method: event.payload.method };
    case 'amount.entered':
      return { step: 'AMOUNT', amount: { currency: event.payload.currency, minor: event.payload.amountMinor } };
    default: {
      const unknown: never = event;
      throw new Error(`not a sale step: ${JSON.stringify(unknown)}`);
    }
  }
}

/**
 * Card, QR, PIN, method and amount may come in any order while the sale is OPEN; the first one opens it.
 * A later value of the same step replaces the earlier one (a re-inserted card, a corrected amount).
 */
export const captureSaleStep: Rule<SaleStepEvent> = (event, state, { cause }) => {
  if (state.operatorId === null) return reject('OPERATOR_NOT_SIGNED_IN', `${event.type} needs a signed-in operator`);
  const sale = saleOf(state, event.transactionId);
  if (sale !== undefined && sale.status !== 'OPEN') {
    const startsSale = event.type === 'card.inserted' || event.type === 'qr.scanned';
    return startsSale
      ? reject('TRANSACTION_ALREADY_EXISTS', `transaction ${event.transactionId} is already ${sale.status}`)
      : reject('TRANSACTION_NOT_OPEN', `transaction ${event.transactionId} is ${sale.status}, not OPEN`);
  }
  return accept({
    type: 'SaleDetailsCaptured',
    data: withCause(cause, { transactionId: event.transactionId, details: detailsOf(event), occurredAt: event.occurredAt }),
  });
};
