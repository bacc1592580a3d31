import { TerminalEventOf } from '../../terminal-events/terminal-event';
import { totalsOf } from '../../settlement/totals';
import { accept, reject, Rule } from './verdict';

/** A shift is opened by the operator signed in, one at a time per terminal. */
export const openShift: Rule<TerminalEventOf<'shift.opened'>> = (event, state, { cause }) => {
  const { operatorId, openingCashMinor, currency } = event.payload;
  if (state.operatorId === null) return reject('OPERATOR_NOT_SIGNED_IN', 'a shift is opened by a signed-in operator');
  if (state.operatorId !== operatorId) return reject('OPERATOR_NOT_SIGNED_IN', `${operatorId} opens a shift but ${state.operatorId} is signed in`);
  if (state.shift !== null) return reject('SHIFT_ALREADY_OPEN', `shift ${state.shift.shiftId} of ${state.shift.operatorId} is still open`);
  return accept({
    type: 'ShiftOpened',
    data: { ...cause, shiftId: event.eventId, operatorId, openingCash: { currency, minor: openingCashMinor }, occurredAt: event.occurredAt },
  });
};

/** Closing a shift reports it: sales, voids and refunds, and the drawer's count against what it should hold. */
export const closeShift: Rule<TerminalEventOf<'shift.closed'>> = (event, state, { cause }) => {
  const { shift } = state;
  if (shift === null) return reject('SHIFT_NOT_OPEN', 'no shift is open on this terminal');
  const { countedCashMinor, currency } = event.payload;
  if (currency !== shift.openingCash.currency) return reject('CURRENCY_MISMATCH', `the count is in ${currency}, the drawer in ${shift.openingCash.currency}`);
  const expectedCash = shift.openingCash;
  return accept({
    type: 'ShiftClosed',
    data: {
      ...cause,
      shiftId: shift.shiftId,
      operatorId: shift.operatorId,
      openedAt: shift.openedAt,
      occurredAt: event.occurredAt,
      openingCash: shift.openingCash,
      expectedCash,
      countedCash: { currency, minor: countedCashMinor },
      overShort: { currency, minor: (BigInt(countedCashMinor) - BigInt(expectedCash.minor)).toString() },
      sales: totalsOf(shift.sales),
      voids: totalsOf(shift.voids),
      refunds: totalsOf(shift.refunds),
    },
  });
};
