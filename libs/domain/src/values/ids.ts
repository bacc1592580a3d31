import { InvalidIdError } from './invalid-id.error';

export type TerminalId = string;
export type MerchantId = string;

const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Terminal, merchant and operator ids: 1-64 characters, letters, digits, `_`, `.`, `-`, starting alphanumeric. */
export function isValidId(s: string): boolean {
  return ID.test(s);
}

export function terminalId(s: string): TerminalId {
  if (!isValidId(s)) throw new InvalidIdError('terminal id', s);
  return s;
}

export function merchantId(s: string): MerchantId {
  if (!isValidId(s)) throw new InvalidIdError('merchant id', s);
  return s;
}

export function isUuid(s: string): boolean {
  return UUID.test(s);
}

export const ID_PATTERN = ID;
