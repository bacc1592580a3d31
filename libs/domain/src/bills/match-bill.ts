import { PaymentMethod } from '../terminal-events/terminal-event';
import { dayBounds } from '../statements/daily-statement';
import { MoneyJson } from '../values/money';
import { Bill, BillLine, BillSource } from './bill';
import { BillAction, Discrepancy, ThreeWayLine } from './bill-events';
import { LedgerBatch, LedgerTrade } from './ledger-trades';

/** The payment methods each sender's bill lists. */
export const METHODS_BILLED_BY: Readonly<Record<BillSource, readonly PaymentMethod[]>> = {
  'wechat-pay': ['WECHAT_PAY'],
  alipay: ['ALIPAY'],
  acquirer: ['DEBIT', 'CREDIT'],
  bank: [],
};

export type UnnumberedDiscrepancy = Omit<Discrepancy, 'discrepancyId'>;

export interface BillMatch {
  readonly matched: number;
  readonly discrepancies: readonly UnnumberedDiscrepancy[];
  readonly threeWay: readonly ThreeWayLine[];
  readonly actions: readonly BillAction[];
}

const sameMoney = (a: MoneyJson, b: MoneyJson) => a.currency === b.currency && BigInt(a.minor) === BigInt(b.minor);

/** A wallet's bill names its own transaction id; the acquirer's names the host's reference. */
const referenceOf = (source: BillSource, trade: LedgerTrade) => (source === 'acquirer' ? trade.hostReference : trade.walletReference);

interface Tally { count: number; minor: bigint }

function tallies(): Map<string, Tally> {
  return new Map();
}

function tally(into: Map<string, Tally>, currency: string, count: number, minor: bigint): void {
  const sum = into.get(currency) ?? { count: 0, minor: 0n };
  into.set(currency, { count: sum.count + count, minor: sum.minor + minor });
}

function threeWayLines(scope: ThreeWayLine['scope'], terminalId: string, batchNumber: number, terminal: Map<string, Tally>, ledger: Map<string, Tally>, bill: Map<string, Tally>): ThreeWayLine[] {
  const currencies = [...new Set([...terminal.keys(), ...ledger.keys(), ...bill.keys()])].sort();
  return currencies.map((currency) => {
    const [t, l, b] = [terminal, ledger, bill].map((side) => side.get(currency) ?? { count: 0, minor: 0n });
    const agree = t.count === l.count && l.count === b.count && t.minor === l.minor && l.minor === b.minor;
    return {
      scope, terminalId, batchNumber, currency,
      terminalCount: t.count, terminalMinor: t.minor.toString(), ledgerCount: l.count, ledgerMinor: l.minor.toString(), billCount: b.count, billMinor: b.minor.toString(),
      status: agree ? 'MATCHED' : 'MISMATCH',
    };
  });
}

/**
 * Matches every line of an outside bill to the ledger's trade by the sender's reference (or the merchant's order
 * number): matched; in the bill, not in the ledger; amount differs; fee differs from what the ledger charged. A trade
 * of the bill's methods on its day (the merchant's zone) that no line matched is in the ledger, not in the bill. Then
 * the three-way match of each batch closed that day and of the day: the terminal's totals, the ledger's, and the
 * bill's sales matched to the batch (an acquirer line naming the batch counts there even unmatched).
 */
export function matchBill(bill: Bill & { readonly date: string }, timeZone: string, ledger: { trades: readonly LedgerTrade[]; batches: readonly LedgerBatch[] }): BillMatch {
  const methods = METHODS_BILLED_BY[bill.source];
  const trades = ledger.trades.filter((trade) => methods.includes(trade.method));
  const byReference = new Map<string, LedgerTrade[]>();
  const index = (key: string, trade: LedgerTrade) => byReference.set(key, [...(byReference.get(key) ?? []), trade]);
  for (const trade of trades) {
    if (referenceOf(bill.source, trade) !== '') index(`${trade.kind}|ref|${referenceOf(bill.source, trade)}`, trade);
    index(`${trade.kind}|order|${trade.saleTransactionId}`, trade);
  }
  const used = new Set<LedgerTrade>();
  const matchedTo = new Map<BillLine, LedgerTrade>();
  const discrepancies: UnnumberedDiscrepancy[] = [];
  const actions: BillAction[] = [];
  let matched = 0;
  for (const line of bill.lines) {
    if (line.kind === 'CHARGEBACK') {
      const found = chargeback(line, byReference.get(`SALE|ref|${line.reference}`)?.[0]);
      if ('type' in found) {
        actions.push(found);
        matched += 1;
      } else discrepancies.push(found);
      continue;
    }
    const candidates = [
      ...(byReference.get(`${line.kind}|ref|${line.reference}`) ?? []),
      ...(line.merchantReference !== '' ? byReference.get(`${line.kind}|order|${line.merchantReference}`) ?? [] : []),
    ].filter((trade) => !used.has(trade));
    const trade = candidates.find((candidate) => sameMoney(candidate.amount, line.amount)) ?? candidates[0];
    const billSide = { tradeKind: line.kind, reference: line.reference, lineNumber: line.lineNumber, billAmount: line.amount, billFee: line.fee };
    if (!trade) {
      discrepancies.push({ kind: 'MISSING_IN_LEDGER', ...billSide });
      continue;
    }
    used.add(trade);
    matchedTo.set(line, trade);
    const ledgerSide = { terminalId: trade.terminalId, transactionId: trade.transactionId, ledgerAmount: trade.amount, ...(trade.fee ? { ledgerFee: trade.fee } : {}) };
    if (!sameMoney(trade.amount, line.amount)) discrepancies.push({ kind: 'AMOUNT_DIFFERS', ...billSide, ...ledgerSide });
    else if (trade.fee && !sameMoney(trade.fee, line.fee)) discrepancies.push({ kind: 'FEE_DIFFERS', ...billSide, ...ledgerSide });
    else matched += 1;
  }
  const { from, to } = dayBounds(bill.date, timeZone);
  const onTheDay = (at: string) => Date.parse(at) >= Date.parse(from) && Date.parse(at) < Date.parse(to);
  for (const trade of trades) {
    if (used.has(trade) || !onTheDay(trade.occurredAt)) continue;
    discrepancies.push({
      kind: 'MISSING_IN_BILL', tradeKind: trade.kind, reference: referenceOf(bill.source, trade), terminalId: trade.terminalId, transactionId: trade.transactionId,
      ledgerAmount: trade.amount, ...(trade.fee ? { ledgerFee: trade.fee } : {}),
    });
  }
  return { matched, discrepancies, threeWay: threeWay(bill, methods, ledger.batches.filter((batch) => onTheDay(batch.closedAt)), matchedTo), actions };
}

/** A dispute id from the sale's reference: only the characters an id may hold, at most 64 of them. */
const disputeIdOf = (reference: string) => `cb-${reference.replace(/[^A-Za-z0-9_.-]/g, '-')}`.slice(0, 64);

/** A chargeback the acquirer took opens a dispute on its sale, for at most what the sale captured. */
function chargeback(line: BillLine, sale: LedgerTrade | undefined): BillAction | UnnumberedDiscrepancy {
  const billSide = { tradeKind: line.kind, reference: line.reference, lineNumber: line.lineNumber, billAmount: line.amount, billFee: line.fee };
  if (!sale) return { kind: 'MISSING_IN_LEDGER', ...billSide };
  if (sale.amount.currency !== line.amount.currency || BigInt(line.amount.minor) > BigInt(sale.amount.minor)) {
    return { kind: 'AMOUNT_DIFFERS', ...billSide, terminalId: sale.terminalId, transactionId: sale.transactionId, ledgerAmount: sale.amount };
  }
  return {
    type: 'OpenDispute', lineNumber: line.lineNumber, terminalId: sale.terminalId, transactionId: sale.transactionId, disputeId: disputeIdOf(line.reference),
    amount: line.amount, reason: `chargeback in the acquirer's settlement file of ${line.localTime.slice(0, 10)}`,
  };
}

function threeWay(bill: Bill, methods: readonly PaymentMethod[], batches: readonly LedgerBatch[], matchedTo: ReadonlyMap<BillLine, LedgerTrade>): ThreeWayLine[] {
  const day = { terminal: tallies(), ledger: tallies(), bill: tallies() };
  const batchKey = (terminalId: string, batchNumber: number | undefined) => `${terminalId}#${batchNumber}`;
  const billByBatch = new Map<string, Map<string, Tally>>();
  for (const line of bill.lines) {
    if (line.kind !== 'SALE') continue;
    const trade = matchedTo.get(line);
    const key = trade?.batchNumber !== undefined ? batchKey(trade.terminalId, trade.batchNumber) : batchKey(line.terminalId ?? '', line.batchNumber);
    billByBatch.set(key, billByBatch.get(key) ?? tallies());
    tally(billByBatch.get(key) as Map<string, Tally>, line.amount.currency, 1, BigInt(line.amount.minor));
  }
  const lines: ThreeWayLine[] = [];
  for (const batch of batches) {
    const terminal = tallies();
    const ledger = tallies();
    for (const total of batch.terminalTotals) if (methods.includes(total.method)) tally(terminal, total.currency, total.count, BigInt(total.minor));
    for (const total of batch.ledgerTotals) if (methods.includes(total.method)) tally(ledger, total.currency, total.count, BigInt(total.minor));
    const billed = billByBatch.get(batchKey(batch.terminalId, batch.batchNumber)) ?? tallies();
    billByBatch.delete(batchKey(batch.terminalId, batch.batchNumber));
    if (terminal.size === 0 && ledger.size === 0 && billed.size === 0) continue;
    lines.push(...threeWayLines('BATCH', batch.terminalId, batch.batchNumber, terminal, ledger, billed));
    for (const [side, sums] of [[day.terminal, terminal], [day.ledger, ledger], [day.bill, billed]] as const) for (const [currency, sum] of sums) tally(side, currency, sum.count, sum.minor);
  }
  // The bill's sales of no batch closed that day (extra ones, or a batch still open) count for the day alone.
  for (const sums of billByBatch.values()) for (const [currency, sum] of sums) tally(day.bill, currency, sum.count, sum.minor);
  return [...lines, ...threeWayLines('DAY', '', 0, day.terminal, day.ledger, day.bill)];
}
