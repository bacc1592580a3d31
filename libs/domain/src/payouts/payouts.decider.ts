import { moneyJson } from '../values/money';
import { BroughtForward, PayoutEvent } from './payout-events';
import { PayoutMovement } from './payout-lines';
import { PayoutRefusal, PayoutRefusedError } from './payout-refused.error';

export type PayoutStatus = 'IN_TRANSIT' | 'PAID' | 'FAILED';

interface Funds {
  readonly settled: bigint;
  readonly fees: bigint;
}

export interface PayoutsState {
  readonly merchantId: string;
  /** The last run's cut-off instant; none before the first. */
  readonly lastCutoffAt?: string;
  /** Every movement at or below this position is in a payout or brought forward; -1 before the first run. */
  readonly throughPosition: bigint;
  /** Per currency: funds not paid yet (a run's non-positive net, a failed payout's funds). */
  readonly broughtForward: Readonly<Record<string, Funds>>;
  readonly payouts: Readonly<Record<string, { readonly status: PayoutStatus; readonly currency: string; readonly amount: bigint } & Funds>>;
}

export type PayoutsCommand =
  | {
      type: 'SchedulePayouts';
      data: {
        merchantId: string;
        cutoffAt: string;
        valueDate: string;
        /** The highest position the movements were read through. */
        throughPosition: bigint;
        /** The merchant's movements recorded before the cut-off, in position order; those already paid are ignored. */
        movements: readonly PayoutMovement[];
      };
    }
  | { type: 'ConfirmPayout'; data: { merchantId: string; payoutId: string; bankReference: string; now: string } }
  | { type: 'FailPayout'; data: { merchantId: string; payoutId: string; reason: string; now: string } };

export const initialPayoutsState = (merchantId: string): PayoutsState => ({ merchantId, throughPosition: -1n, broughtForward: {}, payouts: {} });

const refuse = (refusal: PayoutRefusal, message: string): never => {
  throw new PayoutRefusedError(refusal, message);
};

// A bank reference or a reason: printable, no control or format characters.
const TEXT = /^[^\p{C}]{1,256}$/u;

const payoutIdOf = (state: PayoutsState, n: number): string => `PO-${String(Object.keys(state.payouts).length + n).padStart(6, '0')}`;

function schedule(data: Extract<PayoutsCommand, { type: 'SchedulePayouts' }>['data'], state: PayoutsState): PayoutEvent[] {
  if (state.lastCutoffAt !== undefined && data.cutoffAt <= state.lastCutoffAt) return [];
  const fresh = data.movements.filter((movement) => BigInt(movement.position) > state.throughPosition && BigInt(movement.position) <= data.throughPosition);
  const currencies = [...new Set([...Object.keys(state.broughtForward), ...fresh.map((movement) => movement.currency)])].sort();
  const events: PayoutEvent[] = [];
  const carriedForward: BroughtForward[] = [];
  for (const currency of currencies) {
    const lines = fresh.filter((movement) => movement.currency === currency).map(({ currency: _c, ...line }) => line);
    const brought = state.broughtForward[currency] ?? { settled: 0n, fees: 0n };
    const settled = lines.reduce((sum, line) => sum + BigInt(line.settled), brought.settled);
    const fees = lines.reduce((sum, line) => sum + BigInt(line.fees), brought.fees);
    if (settled - fees <= 0n) {
      if (settled !== 0n || fees !== 0n) carriedForward.push({ currency, settled: settled.toString(), fees: fees.toString() });
      continue;
    }
    events.push({
      type: 'PayoutScheduled',
      data: {
        merchantId: data.merchantId,
        payoutId: payoutIdOf(state, events.length + 1),
        currency,
        valueDate: data.valueDate,
        cutoffAt: data.cutoffAt,
        settled: moneyJson(settled, currency),
        fees: moneyJson(fees, currency),
        amount: moneyJson(settled - fees, currency),
        lines,
        ...(brought.settled !== 0n || brought.fees !== 0n ? { broughtForward: { currency, settled: brought.settled.toString(), fees: brought.fees.toString() } } : {}),
      },
    });
  }
  const throughPosition = data.throughPosition > state.throughPosition ? data.throughPosition : state.throughPosition;
  return [...events, { type: 'PayoutsCutOff', data: { merchantId: data.merchantId, cutoffAt: data.cutoffAt, throughPosition: throughPosition.toString(), carriedForward } }];
}

function payoutInTransit(state: PayoutsState, payoutId: string) {
  const payout = state.payouts[payoutId];
  if (payout === undefined) return refuse('UNKNOWN_PAYOUT', `no payout ${payoutId} for merchant ${state.merchantId}`);
  if (payout.status !== 'IN_TRANSIT') refuse('PAYOUT_NOT_IN_TRANSIT', `payout ${payoutId} is ${payout.status}`);
  return payout;
}

/**
 * A merchant's payouts. A run pays each currency's net available funds moved since the last run (and brought
 * forward) when positive; the bank's confirmation marks a payout paid, a failure returns its funds.
 */
export function decidePayouts(command: PayoutsCommand, state: PayoutsState): PayoutEvent[] {
  switch (command.type) {
    case 'SchedulePayouts':
      return schedule(command.data, state);
    case 'ConfirmPayout': {
      const { merchantId, payoutId, bankReference, now } = command.data;
      if (!TEXT.test(bankReference) || bankReference.trim() !== bankReference) refuse('INVALID_PAYOUT', 'a bank reference is 1 to 256 printable characters, without leading or trailing spaces');
      const payout = payoutInTransit(state, payoutId);
      return [{ type: 'PayoutPaid', data: { merchantId, payoutId, amount: moneyJson(payout.amount, payout.currency), bankReference, paidAt: now } }];
    }
    case 'FailPayout': {
      const { merchantId, payoutId, reason, now } = command.data;
      if (!TEXT.test(reason) || reason.trim() !== reason) refuse('INVALID_PAYOUT', 'a reason is 1 to 256 printable characters, without leading or trailing spaces');
      const payout = payoutInTransit(state, payoutId);
      const { currency } = payout;
      return [{
        type: 'PayoutFailed',
        data: { merchantId, payoutId, amount: moneyJson(payout.amount, currency), settled: moneyJson(payout.settled, currency), fees: moneyJson(payout.fees, currency), reason, failedAt: now },
      }];
    }
  }
}

const withStatus = (state: PayoutsState, payoutId: string, status: PayoutStatus): PayoutsState =>
  ({ ...state, payouts: { ...state.payouts, [payoutId]: { ...state.payouts[payoutId], status } } });

export function evolvePayouts(state: PayoutsState, event: PayoutEvent): PayoutsState {
  switch (event.type) {
    case 'PayoutScheduled': {
      const { payoutId, currency, settled, fees, amount } = event.data;
      const { [currency]: _paid, ...broughtForward } = state.broughtForward;
      return {
        ...state,
        broughtForward,
        payouts: { ...state.payouts, [payoutId]: { status: 'IN_TRANSIT', currency, amount: BigInt(amount.minor), settled: BigInt(settled.minor), fees: BigInt(fees.minor) } },
      };
    }
    case 'PayoutsCutOff': {
      const carried = Object.fromEntries(event.data.carriedForward.map(({ currency, settled, fees }) => [currency, { settled: BigInt(settled), fees: BigInt(fees) }]));
      // A run weighs every currency brought forward: what it did not pay is exactly what it carried.
      return { ...state, lastCutoffAt: event.data.cutoffAt, throughPosition: BigInt(event.data.throughPosition), broughtForward: carried };
    }
    case 'PayoutPaid':
      return withStatus(state, event.data.payoutId, 'PAID');
    case 'PayoutFailed': {
      const { payoutId, settled, fees } = event.data;
      const { currency } = state.payouts[payoutId];
      const brought = state.broughtForward[currency] ?? { settled: 0n, fees: 0n };
      return {
        ...withStatus(state, payoutId, 'FAILED'),
        broughtForward: { ...state.broughtForward, [currency]: { settled: brought.settled + BigInt(settled.minor), fees: brought.fees + BigInt(fees.minor) } },
      };
    }
  }
}

export const payoutsDecider = (merchantId: string) => ({ decide: decidePayouts, evolve: evolvePayouts, initialState: () => initialPayoutsState(merchantId) });
