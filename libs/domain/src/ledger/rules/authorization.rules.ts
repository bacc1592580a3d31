import { isCardMethod, TerminalEventOf } from '../../terminal-events/terminal-event';
import { withCause } from '../with-cause';
import { MoneyJson } from '../../values/money';
import { SaleState, saleOf, TerminalLedgerState } from '../terminal-ledger.state';
import { accept, reject, Rule, Verdict } from './verdict';

type Refusal = Extract<Verdict, { rejected: unknown }>;
export interface Ready {
  amount: MoneyJson;
  tip?: MoneyJson;
  method: NonNullable<SaleState['method']>;
  scheme: string;
}

const refuse = (code: Refusal['rejected'], reason: string): Refusal => ({ rejected: code, reason });

/** A sale ready for the host: everything authorization needs is there and consistent. */
export function readiness(sale: SaleState): Ready | Refusal {
  const { amount, method } = sale;
  if (amount === undefined) return refuse('AMOUNT_MISSING', 'no amount was entered');
  if (method === undefined) return refuse('METHOD_MISSING', 'no payment method was selected');
  if (sale.tip !== undefined && !isCardMethod(method)) return refuse('TIP_NOT_APPLICABLE', `tips are taken on card sales, not ${method}`);
  if (sale.tip !== undefined && sale.tip.currency !== amount.currency) return refuse('CURRENCY_MISMATCH', `a tip in ${sale.tip.currency} on a sale in ${amount.currency}`);
  if (isCardMethod(method)) {
    if (sale.walletReference !== undefined) return refuse('METHOD_MISMATCH', `${method} was selected but a QR code was scanned`);
    if (sale.card === undefined) return refuse('CARD_MISSING', `${method} needs a card`);
    if (method === 'DEBIT' && sale.pinResult !== 'VERIFIED') {
      return refuse('PIN_NOT_VERIFIED', `DEBIT needs a VERIFIED PIN, got ${sale.pinResult ?? 'none'}`);
    }
    return { amount, ...(sale.tip !== undefined ? { tip: sale.tip } : {}), method, scheme: sale.card.scheme };
  }
  if (method === 'CASH') return refuse('METHOD_MISMATCH', 'CASH is not authorised by a host: send cash.received');
  if (sale.card !== undefined) return refuse('METHOD_MISMATCH', `${method} was selected but a card was read`);
  if (sale.walletReference === undefined) return refuse('QR_MISSING', `${method} needs a scanned QR code`);
  return { amount, method, scheme: 'NONE' };
}

export const requestAuthorization: Rule<TerminalEventOf<'authorization.requested'>> = (event, state, { cause }) => {
  if (state.operatorId === null) return reject('OPERATOR_NOT_SIGNED_IN', 'authorization needs a signed-in operator');
  const sale = saleOf(state, event.transactionId);
  if (sale === undefined || sale.status !== 'OPEN') {
    return reject('TRANSACTION_NOT_OPEN', `transaction ${event.transactionId} is ${sale?.status ?? 'not started'}, not OPEN`);
  }
  const ready = readiness(sale);
  if ('rejected' in ready) return ready;
  return accept({
    type: 'AuthorizationRequested',
    data: withCause(cause, { transactionId: sale.transactionId, ...ready, occurredAt: event.occurredAt }),
  });
};

/** The sale awaiting the host's answer, with what every outcome event repeats. */
function authorizing(state: TerminalLedgerState, transactionId: string) {
  const sale = saleOf(state, transactionId);
  if (sale?.status !== 'AUTHORIZING' || !sale.amount || !sale.method || !sale.scheme) return undefined;
  return { sale, outcome: { transactionId, amount: sale.amount, method: sale.method, scheme: sale.scheme } };
}

export const approve: Rule<TerminalEventOf<'authorization.approved'>> = (event, state, { cause }) => {
  const found = authorizing(state, event.transactionId);
  if (!found) return reject('APPROVAL_WITHOUT_REQUEST', `no authorization is pending for ${event.transactionId}`);
  const { sale, outcome } = found;
  return accept({
    type: 'SaleApproved',
    data: withCause(cause, outcome, {
      ...(sale.card ? { entryMode: sale.card.entryMode, maskedPan: sale.card.maskedPan } : {}),
      ...(sale.walletReference !== undefined ? { walletReference: sale.walletReference } : {}),
      ...(sale.operatorId !== undefined ? { operatorId: sale.operatorId } : {}),
      ...(sale.tip !== undefined ? { tip: sale.tip } : {}),
      authCode: event.payload.authCode,
      hostReference: event.payload.hostReference,
      occurredAt: event.occurredAt,
    }),
  });
};

export const decline: Rule<TerminalEventOf<'authorization.declined'>> = (event, state, { cause }) => {
  const found = authorizing(state, event.transactionId);
  if (!found) return reject('DECLINE_WITHOUT_REQUEST', `no authorization is pending for ${event.transactionId}`);
  return accept({
    type: 'SaleDeclined',
    data: withCause(cause, found.outcome, { ...event.payload, occurredAt: event.occurredAt }),
  });
};

export const reverseOnTimeout: Rule<TerminalEventOf<'authorization.timed_out'>> = (event, state, { cause }) => {
  const found = authorizing(state, event.transactionId);
  if (!found) return reject('TIMEOUT_WITHOUT_REQUEST', `no authorization is pending for ${event.transactionId}`);
  return accept({ type: 'AuthorizationReversed', data: withCause(cause, found.outcome, { occurredAt: event.occurredAt }) });
};
