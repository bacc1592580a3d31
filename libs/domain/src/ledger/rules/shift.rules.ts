import { TerminalEventOf } from '../../terminal-events/terminal-event';
import { withCause } from '../with-cause';
import { TotalsLine } from '../ledger-events';
import { MoneyJson } from '../../values/money';
import { OpenShift } from '../terminal-ledger.state';
import { accept, reject, Rule } from './verdict';

/** A shift is opened by the operator signed in, one at a time per terminal. */
export const openShift: Rule<TerminalEventOf<'shift.opened'>> = (event, state, { cause }) => {
  const { operatorId, openingCashMinor, currency } = event.payload;
  if (state.operatorId === null) return reject('OPERATOR_NOT_SIGNED_IN', 'a shift is opened by a signed-in operator');
  if (state.operatorId !== operatorId) return reject('OPERATOR_NOT_SIGNED_IN', `${operatorId} opens a shift but ${state.operatorId} is signed in`);
  if (state.shift !== null) return reject('SHIFT_ALREADY_OPEN', `shift ${state.shift.shiftId} of ${state.shift.operatorId} is still open`);
  return accept({
    type: 'ShiftOpened',
    data: withCause(cause, { shiftId: event.eventId, operatorId, openingCash: { currency, minor: openingCashMinor }, occurredAt: event.occurredAt }),
  });
};

const cashIn = (totals: readonly TotalsLine[], currency: string): bigint =>
  totals.reduce((sum, line) => (line.method === 'CASH' && line.currency === currency ? sum + BigInt(line.minor) : sum), 0n);

/** The drawer should hold its opening cash, plus cash sales, less the cash given back by voids and refunds. */
function expectedCashOf(shift: OpenShift): MoneyJson {
  const { currency, minor } = shift.openingCash;
  const expected = BigInt(minor) + cashIn(shift.sales, currency) - cashIn(shift.voids, currency) - cashIn(shift.refunds, currency);
  return { currency, minor: expected.toString() };
}

/** Closing a shift reports it: sales, voids and refunds, and the drawer's count against what it should hold. */
export const closeShift: Rule<TerminalEventOf<'shift.closed'>> = (event, state, { cause }) => {
  const { shift } = state;
  if (shift === null) return reject('SHIFT_NOT_OPEN', 'no shift is open on this terminal');
  const { countedCashMinor, currency } = event.payload;
  if (currency !== shift.openingCash.currency) return reject('CURRENCY_MISMATCH', `the count is in ${currency}, the drawer in ${shift.openingCash.currency}`);
  const expectedCash = expectedCashOf(shift);
  return accept({
    type: 'ShiftClosed',
    data: withCause(cause, {
      shiftId: shift.shiftId,
      operatorId: shift.operatorId,
      openedAt: shift.openedAt,
      occurredAt: event.occurredAt,
      openingCash: shift.openingCash,
      expectedCash,
      countedCash: { currency, minor: countedCashMinor },
      overShort: { currency, minor: (BigInt(countedCashMinor) - BigInt(expectedCash.minor)).toString() },
      sales: [...shift.sales],
      voids: [...shift.voids],
      refunds: [...shift.refunds],
      tips: [...shift.tips],
    }),
  });
};
