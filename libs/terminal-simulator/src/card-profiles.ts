// Cards the simulated customers present. Only the masked form (first 6, last 4) ever exists here.
import { Prng } from './prng';
import { CardScheme, EntryMode } from './terminal-event';

interface CardRange {
  readonly scheme: CardScheme;
  readonly bin: string;
  readonly panLength: number;
  readonly weight: number;
}

// Mostly UnionPay, as at a Chinese merchant's counter; some international cards.
const CARD_RANGES: readonly CardRange[] = [
  { scheme: 'UNIONPAY', bin: '622848', panLength: 19, weight: 20 },
  { scheme: 'UNIONPAY', bin: '621700', panLength: 19, weight: 15 },
  { scheme: 'UNIONPAY', bin: '622202', panLength: 16, weight: 15 },
  { scheme: 'UNIONPAY', bin: '625906', panLength: 16, weight: 10 },
  { scheme: 'VISA', bin: '438088', panLength: 16, weight: 12 },
  { scheme: 'VISA', bin: '427020', panLength: 16, weight: 8 },
  { scheme: 'MASTERCARD', bin: '524047', panLength: 16, weight: 12 },
  { scheme: 'MASTERCARD', bin: '518377', panLength: 16, weight: 8 },
];

const ENTRY_MODES: readonly (readonly [EntryMode, number])[] = [
  ['CHIP', 60],
  ['CONTACTLESS', 30],
  ['SWIPE', 10],
];

export interface PresentedCard {
  readonly scheme: CardScheme;
  readonly maskedPan: string;
  readonly entryMode: EntryMode;
}

export function presentCard(prng: Prng): PresentedCard {
  const range = prng.weighted(CARD_RANGES.map((candidate) => [candidate, candidate.weight] as const));
  const lastFour = String(prng.intBetween(0, 9999)).padStart(4, '0');
  const maskedPan = `${range.bin}${'*'.repeat(range.panLength - 10)}${lastFour}`;
  return { scheme: range.scheme, maskedPan, entryMode: prng.weighted(ENTRY_MODES) };
}
