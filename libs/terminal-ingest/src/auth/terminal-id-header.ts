import { isValidId } from '@posledger/domain';

export type TerminalIdCheck = { ok: true; terminalId: string } | { ok: false; reason: string };

/**
 * X-Terminal-Id is checked before it is used to look anything up: a lookup key must have the shape of an id
 * (a store refuses or truncates other keys, and a long one costs every store it reaches).
 */
export function checkTerminalIdHeader(value: string | undefined): TerminalIdCheck {
  if (value === undefined || value === '') return { ok: false, reason: 'X-Terminal-Id is required' };
  if (!isValidId(value)) return { ok: false, reason: 'X-Terminal-Id must be 1-64 letters, digits, _ . -' };
  return { ok: true, terminalId: value };
}
