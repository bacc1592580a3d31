import { TerminalEventOf } from '../../terminal-events/terminal-event';
import { withCause } from '../with-cause';
import { operatorOf } from '../../registry/operators';
import { accept, reject, Rule } from './verdict';

/**
 * Once a merchant has added operators, only its active ones sign in. A refused sign-in also ends the previous
 * operator's session (see evolve): what follows is refused until an operator the merchant knows signs in.
 */
export const signIn: Rule<TerminalEventOf<'operator.signed_in'>> = (event, _state, { cause, operators }) => {
  const { operatorId } = event.payload;
  if (Object.keys(operators).length === 0) return accept({ type: 'OperatorSignedIn', data: withCause(cause, { operatorId }) });
  const operator = operatorOf(operators, operatorId);
  if (!operator) return reject('UNKNOWN_OPERATOR', `merchant ${cause.merchantId} has no operator ${operatorId}`);
  if (!operator.active) return reject('OPERATOR_DISABLED', `operator ${operatorId} is disabled`);
  return accept({ type: 'OperatorSignedIn', data: withCause(cause, { operatorId, role: operator.role }) });
};

export const signOut: Rule<TerminalEventOf<'operator.signed_out'>> = (_event, state, { cause }) =>
  state.operatorId === null
    ? reject('OPERATOR_NOT_SIGNED_IN', 'no operator is signed in')
    : accept({ type: 'OperatorSignedOut', data: { ...cause } });
