// 预授权 at a hotel or rental desk: the card is read (credit, no PIN), the deposit held by the host; days or hours
// later the stay is completed for what it came to, at most the hold, or the hold is cancelled.
import { presentCard } from './card-profiles';
import { EventWriter } from './event-writer';
import { uuidV4 } from './identifiers';
import { Prng } from './prng';
import { ApprovedSale, saleAmountMinor, writeHostAnswer } from './sale-flow';
import { ScriptRates } from './script-rates';

/** A hold the host approved, awaiting its completion or cancellation. */
export interface OpenHold {
  readonly transactionId: string;
  readonly heldMinor: bigint;
}

/** Writes a hold request and the host's answer; the hold when approved. */
export function writeHoldRequest(writer: EventWriter, prng: Prng, rates: ScriptRates, currency: string): OpenHold | null {
  const transactionId = uuidV4(prng);
  // A deposit is larger than a counter sale: a few nights or days.
  const heldMinor = saleAmountMinor(prng) * BigInt(prng.intBetween(2, 5));
  writer.write('card.inserted', presentCard(prng), 'next-flow', transactionId);
  writer.write('pin.entered', { result: 'BYPASSED' }, 'customer', transactionId);
  writer.write('payment.method_selected', { method: 'CREDIT' }, 'customer', transactionId);
  writer.write('amount.entered', { amountMinor: heldMinor.toString(), currency }, 'customer', transactionId);
  writer.write('preauthorization.requested', {}, 'customer', transactionId);
  return writeHostAnswer(writer, prng, rates, transactionId) ? { transactionId, heldMinor } : null;
}

/** Completes the hold for 50 to 100% of it (the sale), or cancels it. */
export function writeHoldEnd(writer: EventWriter, prng: Prng, rates: ScriptRates, currency: string, hold: OpenHold): ApprovedSale | null {
  if (prng.chance(rates.holdCancel)) {
    writer.write('preauthorization.cancelled', {}, 'next-flow', hold.transactionId);
    return null;
  }
  const amountMinor = (hold.heldMinor * BigInt(prng.intBetween(50, 100))) / 100n || 1n;
  writer.write('preauthorization.completed', { amountMinor: amountMinor.toString(), currency }, 'next-flow', hold.transactionId);
  return { transactionId: hold.transactionId, method: 'CREDIT', amountMinor, tipMinor: 0n };
}
