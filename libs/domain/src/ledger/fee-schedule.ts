import { SettledMethod, SETTLED_METHODS } from '../terminal-events/terminal-event';
import { InvalidFeeScheduleError } from './invalid-fee-schedule.error';

/** The merchant discount rate per settled payment method, in basis points (integers 0..10000); cash carries none. */
export type FeeSchedule = Readonly<Record<SettledMethod, number>>;

export const DEFAULT_FEE_SCHEDULE: FeeSchedule = { DEBIT: 50, CREDIT: 180, WECHAT_PAY: 60, ALIPAY: 60 };

function isBasisPoints(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 10_000;
}

function isSettledMethod(value: string): value is SettledMethod {
  return (SETTLED_METHODS as readonly string[]).includes(value);
}

/** Checks an object read from JSON: every method present, every rate integer basis points. */
export function feeScheduleFrom(value: unknown): FeeSchedule {
  if (typeof value !== 'object' || value === null) throw new InvalidFeeScheduleError('not an object');
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!isSettledMethod(key)) throw new InvalidFeeScheduleError(`${key} is not one of ${SETTLED_METHODS.join(', ')} (cash carries no fee)`);
  }
  const schedule = { ...DEFAULT_FEE_SCHEDULE };
  for (const method of SETTLED_METHODS) {
    const bps = record[method];
    if (!isBasisPoints(bps)) throw new InvalidFeeScheduleError(`${method} must be integer basis points 0..10000`);
    schedule[method] = bps;
  }
  return schedule;
}

/** "DEBIT=50,CREDIT=180": methods not named keep their DEFAULT_FEE_SCHEDULE rate. */
export function parseFeeSchedule(text: string): FeeSchedule {
  const schedule = { ...DEFAULT_FEE_SCHEDULE };
  const items = text.split(',').map((item) => item.trim()).filter((item) => item !== '');
  for (const item of items) {
    const match = /^([A-Z_]+)=(\d{1,5})$/.exec(item);
    if (match === null) throw new InvalidFeeScheduleError(`cannot read "${item}"`);
    if (!isSettledMethod(match[1])) throw new InvalidFeeScheduleError(`${match[1]} is not one of ${SETTLED_METHODS.join(', ')} (cash carries no fee)`);
    const bps = Number(match[2]);
    if (!isBasisPoints(bps)) throw new InvalidFeeScheduleError(`${match[1]} must be integer basis points 0..10000`);
    schedule[match[1]] = bps;
  }
  return schedule;
}
