// One customer's sale at the counter, in the order the terminal guide describes: present card (and PIN) or
// scan the wallet QR code, choose method, enter amount, confirm (authorization), signature, receipts. A cash
// sale skips the host: method, amount, the cash handed over, receipts.
import { presentCard } from './card-profiles';
import { EventWriter } from './event-writer';
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

/** Writes one sale's events; returns the sale when it was approved. */
export function writeSaleFlow(writer: EventWriter, prng: Prng, rates: ScriptRates, currency: string): ApprovedSale | null {
  const transactionId = uuidV4(prng);
  if (prng.chance(rates.cashShare)) return writeCashSale(writer, prng, rates, currency, transactionId);
  const method = prng.chance(rates.qrShare)
    ? writeQrScan(writer, prng, transactionId)
    : writeCardPresentment(writer, prng, rates, transactionId);

  const amountMinor = saleAmountMinor(prng);
  writer.write('payment.method_selected', { method }, 'customer', transactionId);
  writer.write('amount.entered', { amountMinor: amountMinor.toString(), currency }, 'customer', transactionId);
  const tip = method === 'CREDIT' && prng.chance(rates.tip) ? { minor: tipFor(prng, amountMinor), beforeAuthorization: prng.chance(0.5) } : null;
  if (tip?.beforeAuthorization) writer.write('tip.entered', { tipMinor: tip.minor.toString(), currency }, 'customer', transactionId);
  writer.write('authorization.requested', {}, 'customer', transactionId);

  const outcome = prng.weighted([
    ['approved', rates.approval],
    ['declined', rates.decline],
    ['timed_out', Math.max(0, 1 - rates.approval - rates.decline)],
  ] as const);
  if (outcome === 'declined') {
    writer.write('authorization.declined', prng.weighted(DECLINES), 'host', transactionId);
    return null;
  }
  if (outcome === 'timed_out') {
    writer.write('authorization.timed_out', {}, 'host-timeout', transactionId);
    return null;
  }

  writer.write('authorization.approved', { authCode: authCode(prng), hostReference: hostReference(prng) }, 'host', transactionId);
  if (method === 'CREDIT') writer.write('signature.captured', {}, 'customer', transactionId);
  writeReceipts(writer, prng, rates, transactionId);
  if (tip !== null && !tip.beforeAuthorization) writer.write('tip.entered', { tipMinor: tip.minor.toString(), currency }, 'customer', transactionId);
  return { transactionId, method, amountMinor, tipMinor: tip?.minor ?? 0n };
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
