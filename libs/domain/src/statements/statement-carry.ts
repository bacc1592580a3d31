import type { StatementCarry } from './daily-statement';
import type { StatementCarryJson } from './statement-events';

export const carryJson = ({ to, fromPosition, closing }: StatementCarry): StatementCarryJson => ({
  to,
  fromPosition: fromPosition.toString(),
  closing: [...closing].map(([currency, minor]) => ({ currency, minor: minor.toString() })),
});
