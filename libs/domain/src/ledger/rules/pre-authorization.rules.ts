import { isCardMethod, PaymentMethod, TerminalEventOf } from '../../terminal-events/terminal-event';
import { withCause } from '../with-cause';
import { completionCeiling, DEFAULT_PRE_AUTHORIZATION_POLICY, holdExpiresAt } from '../pre-authorization-policy';
import { Hold, SaleState, saleOf, TerminalLedgerState } from '../terminal-ledger.state';
import { readiness } from './authorization.rules';
import { accept, reject, Rule, Verdict } from './verdict';

/** 预授权: a ready card sale sent to the host to hold its amount, not to sell it. */
export const requestPreAuthorization: Rule<TerminalEventOf<'preauthorization.requested'>> = (event, state, { cause }) => {
  if (state.operatorId === null) return reject('OPERATOR_NOT_SIGNED_IN', 'a pre-authorisation needs a signed-in operator');
  const sale = saleOf(state, event.transactionId);
  if (sale === undefined || sale.status !== 'OPEN') {
    return reject('TRANSACTION_NOT_OPEN', `transaction ${event.transactionId} is ${sale?.status ?? 'not started'}, not OPEN`);
  }
  if (sale.method !== undefined && !isCardMethod(sale.method)) return reject('PREAUTH_NOT_APPLICABLE', `holds are taken on cards, not ${sale.method}`);
  if (sale.tip !== undefined) return reject('PREAUTH_NOT_APPLICABLE', 'a hold takes no tip: enter it on the completed sale');
  const ready = readiness(sale);
  if ('rejected' in ready) return ready;
  return accept({ type: 'AuthorizationRequested', data: withCause(cause, { transactionId: sale.transactionId, ...ready, preAuthorization: true, occurredAt: event.occurredAt }) });
};

/** A pre-authorisation awaiting the host's answer. */
export function awaitingHold(state: TerminalLedgerState, transactionId: string): boolean {
  const sale = saleOf(state, transactionId);
  return sale?.status === 'AUTHORIZING' && sale.preAuthorization === true;
}

/** The host approved the hold: it lasts the merchant's expiry days unless completed or cancelled. */
export const approveHold: Rule<TerminalEventOf<'authorization.approved'>> = (event, state, { cause, preAuthorization }) => {
  const sale = saleOf(state, event.transactionId);
  if (sale?.status !== 'AUTHORIZING' || !sale.amount || !sale.method || !sale.scheme) {
    return reject('APPROVAL_WITHOUT_REQUEST', `no pre-authorisation is pending for ${event.transactionId}`);
  }
  return accept({
    type: 'PreAuthorizationApproved',
    data: withCause(cause, {
      transactionId: sale.transactionId,
      amount: sale.amount,
      method: sale.method,
      scheme: sale.scheme,
      ...(sale.card ? { entryMode: sale.card.entryMode, maskedPan: sale.card.maskedPan } : {}),
      ...(sale.operatorId !== undefined ? { operatorId: sale.operatorId } : {}),
      ...event.payload,
      occurredAt: event.occurredAt,
      expiresAt: holdExpiresAt(event.occurredAt, preAuthorization ?? DEFAULT_PRE_AUTHORIZATION_POLICY),
    }),
  });
};

type Refusal = Extract<Verdict, { rejected: unknown }>;
interface ActiveHold {
  sale: SaleState;
  hold: Hold;
  method: PaymentMethod;
  scheme: string;
}

/** The held sale, or why it cannot be completed or cancelled. */
function activeHold(state: TerminalLedgerState, transactionId: string): ActiveHold | Refusal {
  const sale = saleOf(state, transactionId);
  if (sale === undefined) return { rejected: 'UNKNOWN_TRANSACTION', reason: `no pre-authorisation ${transactionId} on this terminal` };
  if (sale.status !== 'HELD' || !sale.hold || !sale.method || !sale.scheme) {
    return { rejected: 'HOLD_NOT_ACTIVE', reason: `transaction ${transactionId} is ${sale.status}, not an approved hold` };
  }
  return { sale, hold: sale.hold, method: sale.method, scheme: sale.scheme };
}

/**
 * The hold becomes a sale: of at most the held amount plus the merchant's tolerance; less is a partial completion,
 * the rest released. Only completions count as sales.
 */
export const completePreAuthorization: Rule<TerminalEventOf<'preauthorization.completed'>> = (event, state, { cause, preAuthorization }) => {
  if (state.operatorId === null) return reject('OPERATOR_NOT_SIGNED_IN', 'a completion needs a signed-in operator');
  const found = activeHold(state, event.transactionId);
  if ('rejected' in found) return found;
  const { sale, hold, method, scheme } = found;
  const { amountMinor, currency } = event.payload;
  if (currency !== hold.amount.currency) return reject('CURRENCY_MISMATCH', `a completion in ${currency} of a hold in ${hold.amount.currency}`);
  const ceiling = completionCeiling(BigInt(hold.amount.minor), preAuthorization ?? DEFAULT_PRE_AUTHORIZATION_POLICY);
  if (BigInt(amountMinor) > ceiling) {
    return reject('COMPLETION_EXCEEDS_HOLD', `${amountMinor} is above the ${ceiling} the hold of ${hold.amount.minor} allows with the merchant's tolerance`);
  }
  return accept({
    type: 'SaleApproved',
    data: withCause(cause, {
      transactionId: sale.transactionId,
      amount: { currency, minor: amountMinor },
      method,
      scheme,
      ...(sale.card ? { entryMode: sale.card.entryMode, maskedPan: sale.card.maskedPan } : {}),
      ...(sale.operatorId !== undefined ? { operatorId: sale.operatorId } : {}),
      authCode: hold.authCode,
      hostReference: hold.hostReference,
      preAuthorization: { held: hold.amount, heldAt: hold.heldAt },
      occurredAt: event.occurredAt,
    }),
  });
};

export const cancelPreAuthorization: Rule<TerminalEventOf<'preauthorization.cancelled'>> = (event, state, { cause }) => {
  const found = activeHold(state, event.transactionId);
  if ('rejected' in found) return found;
  const { hold, method, scheme } = found;
  return accept({
    type: 'PreAuthorizationReleased',
    data: withCause(cause, { transactionId: event.transactionId, amount: hold.amount, method, scheme, reason: 'CANCELLED', heldAt: hold.heldAt, occurredAt: event.occurredAt }),
  });
};
