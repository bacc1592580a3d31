// One customer's sale at the counter, in the order the terminal guide describes: present card (and PIN) or
// scan the wallet QR code, choose method, enter amount, confirm (authorization), signature, receipts. A cash
// sale skips the host: method, amount, the cash handed over, receipts. With the host out of reach, the terminal
// approves a card sale itself up to the merchant's offline limit and forwards it later (store-and-forward).
import { presentCard } from './card-profiles';
import { EventWriter, StepDelay } from './event-writer';
import { authCode, hostReference, uuidV4, walletReference } from './identifiers';
import { Prng } from './prng';
import { ScriptRates } from './script-rates';
import { PaymentMethod } from './terminal-event';

export interface ApprovedSale {
  readonly transactionId: string;
  readonly method: PaymentMethod;
  readonly amountMinor: bigint;
  /** The tip of a card sale (0n: none); the batch captures amount + tip. */
  readonly tipMinor: bigint;
}

/** A tip of 5 to 20 percent, in whole major units when the sale allows. */
function tipFor(prng: Prng, amountMinor: bigint): bigint {
  const tip = (amountMinor * BigInt(prng.intBetween(5, 20))) / 100n;
  return tip >= 100n ? (tip / 100n) * 100n : tip > 0n ? tip : 1n;
}

// Minor-unit ranges and their weights: most tickets small, a few large ones.
const AMOUNT_BANDS: readonly (readonly [readonly [number, number], number])[] = [
  [[100, 999], 25],
  [[1_000, 9_999], 40],
  [[10_000, 99_999], 27],
  [[100_000, 500_000], 8],
];

const DECLINES: readonly (readonly [{ responseCode: string; reason: string }, number])[] = [
  [{ responseCode: '51', reason: 'INSUFFICIENT_FUNDS' }, 50],
  [{ responseCode: '05', reason: 'DO_NOT_HONOR' }, 25],
  [{ responseCode: '61', reason: 'EXCEEDS_AMOUNT_LIMIT' }, 15],
  [{ responseCode: '91', reason: 'ISSUER_UNAVAILABLE' }, 10],
];

/** Whether the host answers; while it does not, card sales up to `offlineUpToMinor` (none without it) are approved offline. */
export type HostLink = { readonly reachable: true } | { readonly reachable: false; readonly offlineUpToMinor: bigint | undefined };

export function saleAmountMinor(prng: Prng): bigint {
  const [min, max] = prng.weighted(AMOUNT_BANDS);
  return BigInt(prng.intBetween(min, max));
}

// What a customer paying cash hands over: the exact amount, or the next note up (100, 50 or 20 major units).
const NOTES_MINOR: readonly (readonly [bigint, number])[] = [[1n, 30], [10_000n, 40], [5_000n, 20], [2_000n, 10]];

function tenderedFor(prng: Prng, amountMinor: bigint): bigint {
  const note = prng.weighted(NOTES_MINOR);
  return ((amountMinor + note - 1n) / note) * note;
}

/** Writes one sale's events; returns the sale when it was approved (offline too). */
export function writeSaleFlow(writer: EventWriter, prng: Prng, rates: ScriptRates, currency: string, host: HostLink): ApprovedSale | null {
  const transactionId = uuidV4(prng);
  if (prng.chance(rates.cashShare)) return writeCashSale(writer, prng, rates, currency, transactionId);
  // A wallet needs the network: in an outage its customer pays by card.
  const method = prng.chance(rates.qrShare) && host.reachable
    ? writeQrScan(writer, prng, transactionId)
    : writeCardPresentment(writer, prng, rates, transactionId);

  const amountMinor = saleAmountMinor(prng);
  writer.write('payment.method_selected', { method }, 'customer', transactionId);
  writer.write('amount.entered', { amountMinor: amountMinor.toString(), currency }, 'customer', transactionId);
  if (!host.reachable) return writeOfflineApproval(writer, prng, rates, { transactionId, method, amountMinor, tipMinor: 0n }, host.offlineUpToMinor);
  const tip = method === 'CREDIT' && prng.chance(rates.tip) ? { minor: tipFor(prng, amountMinor), beforeAuthorization: prng.chance(0.5) } : null;
  if (tip?.beforeAuthorization) writer.write('tip.entered', { tipMinor: tip.minor.toString(), currency }, 'customer', transactionId);
  writer.write('authorization.requested', {}, 'customer', transactionId);

  if (!writeHostAnswer(writer, prng, rates, transactionId)) return null;
  if (method === 'CREDIT') writer.write('signature.captured', {}, 'customer', transactionId);
  writeReceipts(writer, prng, rates, transactionId);
  if (tip !== null && !tip.beforeAuthorization) writer.write('tip.entered', { tipMinor: tip.minor.toString(), currency }, 'customer', transactionId);
  return { transactionId, method, amountMinor, tipMinor: tip?.minor ?? 0n };
}

/** The host's answer to an authorisation (or a hold) request, at the script's rates; true when it approved. */
export function writeHostAnswer(writer: EventWriter, prng: Prng, rates: ScriptRates, transactionId: string): boolean {
  const outcome = prng.weighted([
    ['approved', rates.approval],
    ['declined', rates.decline],
    ['timed_out', Math.max(0, 1 - rates.approval - rates.decline)],
  ] as const);
  if (outcome === 'declined') writer.write('authorization.declined', prng.weighted(DECLINES), 'host', transactionId);
  else if (outcome === 'timed_out') writer.write('authorization.timed_out', {}, 'host-timeout', transactionId);
  else writeHostApproval(writer, prng, 'host', transactionId);
  return outcome === 'approved';
}

/** The terminal's own approval, without a tip; above the limit (or without one) it refuses and the sale stays unfinished. */
function writeOfflineApproval(writer: EventWriter, prng: Prng, rates: ScriptRates, sale: ApprovedSale, upToMinor: bigint | undefined): ApprovedSale | null {
  if (upToMinor === undefined || sale.amountMinor > upToMinor) return null;
  writer.write('authorization.approved_offline', {}, 'customer', sale.transactionId);
  if (sale.method === 'CREDIT') writer.write('signature.captured', {}, 'customer', sale.transactionId);
  writeReceipts(writer, prng, rates, sale.transactionId);
  return sale;
}

/** The host's answer to an offline sale the terminal forwards; true when it approved. */
export function writeForwardedAnswer(writer: EventWriter, prng: Prng, rates: ScriptRates, delay: StepDelay, transactionId: string): boolean {
  if (prng.chance(rates.offlineDecline)) {
    writer.write('authorization.declined', prng.weighted(DECLINES), delay, transactionId);
    return false;
  }
  writeHostApproval(writer, prng, delay, transactionId);
  return true;
}

function writeHostApproval(writer: EventWriter, prng: Prng, delay: StepDelay, transactionId: string): void {
  writer.write('authorization.approved', { authCode: authCode(prng), hostReference: hostReference(prng) }, delay, transactionId);
}

function writeCashSale(writer: EventWriter, prng: Prng, rates: ScriptRates, currency: string, transactionId: string): ApprovedSale {
  const amountMinor = saleAmountMinor(prng);
  writer.write('payment.method_selected', { method: 'CASH' }, 'next-flow', transactionId);
  writer.write('amount.entered', { amountMinor: amountMinor.toString(), currency }, 'customer', transactionId);
  writer.write('cash.received', { tenderedMinor: tenderedFor(prng, amountMinor).toString(), currency }, 'customer', transactionId);
  writeReceipts(writer, prng, rates, transactionId);
  return { transactionId, method: 'CASH', amountMinor, tipMinor: 0n };
}

function writeQrScan(writer: EventWriter, prng: Prng, transactionId: string): PaymentMethod {
  const method: PaymentMethod = prng.chance(0.5) ? 'WECHAT_PAY' : 'ALIPAY';
  const reference = walletReference(prng, method === 'WECHAT_PAY' ? 'WX' : 'AP');
  writer.write('qr.scanned', { walletReference: reference }, 'next-flow', transactionId);
  return method;
}

function writeCardPresentment(writer: EventWriter, prng: Prng, rates: ScriptRates, transactionId: string): PaymentMethod {
  writer.write('card.inserted', presentCard(prng), 'next-flow', transactionId);
  if (!prng.chance(rates.debitShareOfCards)) {
    writer.write('pin.entered', { result: 'BYPASSED' }, 'customer', transactionId);
    return 'CREDIT';
  }
  if (prng.chance(rates.pinRetry)) writer.write('pin.entered', { result: 'FAILED' }, 'customer', transactionId);
  writer.write('pin.entered', { result: 'VERIFIED' }, 'customer', transactionId);
  return 'DEBIT';
}

function writeReceipts(writer: EventWriter, prng: Prng, rates: ScriptRates, transactionId: string): void {
  writer.write('receipt.printed', { copy: 'MERCHANT' }, 'customer', transactionId);
  writer.write('receipt.printed', { copy: 'CUSTOMER' }, 'customer', transactionId);
  if (prng.chance(rates.emailReceipt)) writer.write('receipt.emailed', {}, 'customer', transactionId);
  if (prng.chance(rates.reprint)) writer.write('receipt.printed', { copy: 'CUSTOMER' }, 'customer', transactionId);
}
