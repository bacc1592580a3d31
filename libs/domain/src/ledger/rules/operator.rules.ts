import { TerminalEventOf } from '../../terminal-events/terminal-event';
import { accept, reject, Rule } from './verdict';

export const signIn: Rule<TerminalEventOf<'operator.signed_in'>> = (event, _state, { cause }) =>
  accept({ type: 'OperatorSignedIn', data: { ...cause, operatorId: event.payload.operatorId } });

export const signOut: Rule<TerminalEventOf<'operator.signed_out'>> = (_event, state, { cause }) =>
  state.operatorId === null
    ? reject('OPERATOR_NOT_SIGNED_IN', 'no operator is signed in')
    : accept({ type: 'OperatorSignedOut', data: { ...cause } });
