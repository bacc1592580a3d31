// Terminal-chosen identifiers drawn from the PRNG. None holds a digit run longer than 12, so no value can
// ever look like a card number (13-19 digits) to the platform's PAN scan.
import { Prng } from './prng';

const HEX = '0123456789abcdef';
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const AUTH_CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';

function randomChars(prng: Prng, alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet.charAt(prng.intBetween(0, alphabet.length - 1));
  return out;
}

/** RFC 4122 version 4 UUID (random bits from the PRNG, version and variant bits set). */
export function uuidV4(prng: Prng): string {
  const bytes: number[] = [];
  for (let word = 0; word < 4; word++) {
    const value = prng.nextUint32();
    bytes.push(value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff);
  }
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.map((byte) => HEX.charAt(byte >>> 4) + HEX.charAt(byte & 0x0f)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Used only when provisioning gave no operator id: random, never a guessable default like "admin". */
export function randomOperatorId(prng: Prng): string {
  return `op-${randomChars(prng, BASE32, 8).toLowerCase()}`;
}

export function authCode(prng: Prng): string {
  return randomChars(prng, AUTH_CODE_CHARS, 6);
}

/** A 12-digit retrieval reference number, as acquiring hosts return. */
export function hostReference(prng: Prng): string {
  return randomChars(prng, '0123456789', 12);
}

export function walletReference(prng: Prng, walletPrefix: 'WX' | 'AP'): string {
  return `${walletPrefix}-${randomChars(prng, BASE32, 8)}-${randomChars(prng, BASE32, 8)}`;
}
