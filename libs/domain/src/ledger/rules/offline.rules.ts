import { isCardMethod, TerminalEventOf } from '../../terminal-events/terminal-event';
import { withCause } from '../with-cause';
import { capturedAmount } from '../captured-amount';
import { SaleState, saleOf, TerminalLedgerState } from '../terminal-ledger.state';
import { readiness } from './authorization.rules';
import { accept, reject, Rule } from './verdict';

/**
 * Store-and-forward: with the host unreachable, the terminal approves a card sale itself, up to the merchant's
 * offline limit. The sale counts and joins the batch like any other until the host answers.
 */
export const approveOffline: Rule<TerminalEventOf<'authorization.approved_offline'>> = (event, state, { cause, offlineUpToMinor }) => {
  if (state.operatorId === null) return reject('OPERATOR_NOT_SIGNED_IN', 'an offline approval needs a signed-in operator');
  const sale = saleOf(state, event.transactionId);
  if (sale === undefined || sale.status !== 'OPEN') {
    return reject('TRANSACTION_NOT_OPEN', `transaction ${event.transactionId} is ${sale?.status ?? 'not started'}, not OPEN`);
  }
  if (sale.method !== undefined && !isCardMethod(sale.method)) {
    return reject('OFFLINE_NOT_APPLICABLE', `only card sales are approved offline, not ${sale.method}`);
  }
  const ready = readiness(sale);
  if ('rejected' in ready) return ready;
  const captured = capturedAmount(ready);
  if (offlineUpToMinor === undefined) return reject('OFFLINE_LIMIT_EXCEEDED', `merchant ${cause.merchantId} allows no offline sales`);
  if (BigInt(captured.minor) > BigInt(offlineUpToMinor)) {
    return reject('OFFLINE_LIMIT_EXCEEDED', `${captured.minor} is above the merchant's offline limit of ${offlineUpToMinor}`);
  }
  return accept({
    type: 'SaleApproved',
    data: withCause(cause, {
      transactionId: sale.transactionId,
      ...ready,
      ...(sale.card ? { entryMode: sale.card.entryMode, maskedPan: sale.card.maskedPan } : {}),
      ...(sale.operatorId !== undefined ? { operatorId: sale.operatorId } : {}),
      offline: true,
      occurredAt: event.occurredAt,
    }),
  });
};

/** A sale approved offline whose host answer has not come yet (its batch may have closed since). */
export function awaitingHost(state: TerminalLedgerState, transactionId: string): SaleState | undefined {
  const sale = saleOf(state, transactionId);
  return sale?.offline === 'AWAITING_HOST' && (sale.status === 'APPROVED' || sale.status === 'SETTLED') ? sale : undefined;
}

export const confirmOffline: Rule<TerminalEventOf<'authorization.approved'>> = (event, state, { cause }) => {
  if (awaitingHost(state, event.transactionId) === undefined) return reject('APPROVAL_WITHOUT_REQUEST', `no offline sale ${event.transactionId} awaits the host`);
  return accept({ type: 'OfflineSaleConfirmed', data: withCause(cause, { transactionId: event.transactionId, ...event.payload, occurredAt: event.occurredAt }) });
};

/** The host declined an offline sale: what it still stood for is the merchant's loss, taken back from its funds. */
export const declineOffline: Rule<TerminalEventOf<'authorization.declined'>> = (event, state, { cause }) => {
  const sale = awaitingHost(state, event.transactionId);
  if (sale === undefined || !sale.amount || !sale.method || !sale.scheme || !sale.approvedAt) {
    return reject('DECLINE_WITHOUT_REQUEST', `no offline sale ${event.transactionId} awaits the host`);
  }
  const captured = capturedAmount({ amount: sale.amount, tip: sale.tip });
  return accept({
    type: 'OfflineSaleDeclined',
    data: withCause(cause, {
      transactionId: sale.transactionId,
      amount: { currency: captured.currency, minor: (BigInt(captured.minor) - BigInt(sale.refundedMinor)).toString() },
      method: sale.method,
      scheme: sale.scheme,
      settled: sale.status === 'SETTLED',
      ...event.payload,
      saleOccurredAt: sale.approvedAt,
      occurredAt: event.occurredAt,
    }),
  });
};
