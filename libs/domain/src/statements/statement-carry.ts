import type { StatementCarry } from './daily-statement';
import type { StatementCarryJson, StatementIssued } from './statement-events';

export const carryJson = ({ to, fromPosition, closing }: StatementCarry): StatementCarryJson => ({
  to,
  fromPosition: fromPosition.toString(),
  closing: [...closing].map(([currency, minor]) => ({ currency, minor: minor.toString() })),
});

const carryOf = ({ carry, throughPosition }: StatementIssued['data']): StatementCarry | undefined =>
  carry && {
    to: carry.to,
    throughPosition: BigInt(throughPosition),
    fromPosition: BigInt(carry.fromPosition),
    closing: new Map(carry.closing.map(({ currency, minor }) => [currency, BigInt(minor)])),
  };

/**
 * What the latest statement of a day before `date` carries to it (of the latest day, its latest version, which read
 * furthest); undefined when no earlier statement kept one, and the statement reads the merchant's whole history.
 */
export function carryBefore(issued: readonly StatementIssued[], date: string): StatementCarry | undefined {
  let latest: StatementIssued['data'] | undefined;
  for (const { data } of issued) {
    if (data.carry === undefined || data.date >= date) continue;
    if (latest === undefined || data.date > latest.date || (data.date === latest.date && data.version > latest.version)) latest = data;
  }
  return latest && carryOf(latest);
}
