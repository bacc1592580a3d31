import { TZDate } from '@date-fns/tz';
import { LedgerEvent } from '../ledger/ledger-events';
import { Posting, postingsFor } from '../ledger/postings';
import { PayoutEvent } from '../payouts/payout-events';
import { payoutPostings } from '../payouts/payout-postings';

export type StatementSection =
  | 'OPENING' | 'SALES' | 'TIPS' | 'VOIDS' | 'REFUNDS' | 'OFFLINE_DECLINED' | 'DISPUTES' | 'FEES' | 'PAYOUTS' | 'OTHER' | 'CLOSING' | 'CASH';

export interface StatementLine {
  readonly currency: string;
  readonly section: StatementSection;
  /** The payment method of sales, tips, voids, refunds, declines and disputes; '' otherwise. */
  readonly method: string;
  /** How many ledger events the line adds up ('' for the balances). */
  readonly count: number | '';
  readonly amountMinor: bigint;
}

/** A ledger or payout event of the merchant, its position in the store and when the platform recorded it. */
export interface StatementSource {
  readonly position: bigint;
  readonly recordedAt: string;
  readonly event: LedgerEvent | PayoutEvent;
}

/**
 * What a statement hands to a later day's, so that it need not read the merchant's history again: the balance owed
 * per currency by the events read (through `throughPosition`) that were recorded before `to`, the end of its day; and
 * `fromPosition`, the first of those read that was recorded at or after `to` (`throughPosition + 1` when none was),
 * before which every event of the merchant was recorded before `to`.
 */
export interface StatementCarry {
  readonly to: string;
  readonly throughPosition: bigint;
  readonly fromPosition: bigint;
  readonly closing: ReadonlyMap<string, bigint>;
}

export interface DailyStatement {
  readonly merchantId: string;
  readonly date: string;
  readonly from: string;
  readonly to: string;
  /** Per currency: OPENING, the day's movements by section and method, CLOSING; then CASH, kept at the counter. */
  readonly lines: readonly StatementLine[];
  readonly carry: StatementCarry;
}

/** The events a statement is computed from: every event of the merchant read through `throughPosition`, or from `carried.fromPosition` on. */
export interface StatementReading {
  readonly throughPosition: bigint;
  /** An earlier day's carry: the sources need only start at its `fromPosition`. */
  readonly carried?: StatementCarry;
}

// What the platform owes the merchant: pending + settled + disputed + in transit - fees. Every one of these moves it by
// its postings' credits less debits (fees is debit-normal: a fee charged is a debit, owed less). Cash is the merchant's.
const OWED: ReadonlySet<string> = new Set(['merchant:pending', 'merchant:settled', 'merchant:disputed', 'merchant:in-transit', 'merchant:fees']);

const signed = (p: Posting): bigint => (p.side === 'CREDIT' ? p.amount.amountMinor : -p.amount.amountMinor);

const SECTION: Partial<Record<LedgerEvent['type'], StatementSection>> = {
  SaleApproved: 'SALES', TipAdjusted: 'TIPS', SaleVoided: 'VOIDS', RefundApproved: 'REFUNDS', OfflineSaleDeclined: 'OFFLINE_DECLINED', DisputeResolved: 'DISPUTES',
};

const isPayout = (event: LedgerEvent | PayoutEvent): event is PayoutEvent =>
  event.type === 'PayoutScheduled' || event.type === 'PayoutsCutOff' || event.type === 'PayoutPaid' || event.type === 'PayoutFailed';

interface Movement {
  readonly currency: string;
  readonly section: StatementSection;
  readonly method: string;
  readonly amountMinor: bigint;
}

/**
 * What one event changed in what the merchant is owed, by section: a sale's, void's, refund's... principal under its
 * section and method, its fees under FEES; a payout as one PAYOUTS movement (scheduled, it only moves funds in
 * transit: nothing); cash, apart.
 */
function movementsOf(event: LedgerEvent | PayoutEvent): Movement[] {
  const movements: Movement[] = [];
  const add = (currency: string, section: StatementSection, method: string, amountMinor: bigint) => {
    if (amountMinor !== 0n) movements.push({ currency, section, method, amountMinor });
  };
  if (isPayout(event)) {
    const byCurrency = new Map<string, bigint>();
    for (const p of payoutPostings(event)) {
      if (OWED.has(p.account)) byCurrency.set(p.amount.currency, (byCurrency.get(p.amount.currency) ?? 0n) + signed(p));
    }
    for (const [currency, amount] of byCurrency) add(currency, 'PAYOUTS', '', amount);
    return movements;
  }
  const method = 'method' in event.data && typeof event.data.method === 'string' ? event.data.method : '';
  const principal = new Map<string, bigint>();
  for (const p of postingsFor(event)) {
    const currency = p.amount.currency;
    if (p.account === 'merchant:fees') add(currency, 'FEES', '', signed(p));
    else if (p.account === 'merchant:cash-sales') add(currency, 'CASH', method, signed(p));
    else if (OWED.has(p.account)) principal.set(currency, (principal.get(currency) ?? 0n) + signed(p));
  }
  for (const [currency, amount] of principal) add(currency, SECTION[event.type] ?? 'OTHER', SECTION[event.type] ? method : event.type, amount);
  return movements;
}

const ORDER: readonly StatementSection[] = ['SALES', 'TIPS', 'VOIDS', 'REFUNDS', 'OFFLINE_DECLINED', 'DISPUTES', 'FEES', 'PAYOUTS', 'OTHER'];

/** The start and end of a calendar day in a time zone, as instants. */
export function dayBounds(date: string, timeZone: string): { from: string; to: string } {
  const [year, month, day] = date.split('-').map(Number);
  return {
    from: new Date(new TZDate(year, month - 1, day, timeZone).getTime()).toISOString(),
    to: new Date(new TZDate(year, month - 1, day + 1, timeZone).getTime()).toISOString(),
  };
}

/**
 * The merchant's daily statement (日结单) by the platform's recorded time: the balance owed to it when the day began
 * (pending + available + held + in transit), what each event recorded that day changed, by section and method, and
 * the balance when it ended, which is the opening plus the day's movements. Cash taken at the counter is listed
 * apart: it was never owed. A day's statement changes only while the day lasts. From an earlier day's carry it is
 * the same statement as from the whole history, read from the carry's `fromPosition` on.
 */
export function dailyStatement(merchantId: string, date: string, timeZone: string, sources: readonly StatementSource[], reading: StatementReading): DailyStatement {
  const { from, to } = dayBounds(date, timeZone);
  const [start, end] = [Date.parse(from), Date.parse(to)];
  const { carried, throughPosition } = reading;
  if (carried !== undefined && Date.parse(carried.to) > start) throw new RangeError(`a statement of ${date} carries on from an earlier day's, not one ending ${carried.to}`);
  const carriedTo = carried === undefined ? 0 : Date.parse(carried.to);
  // Already in the carried balance: read by the earlier statement and recorded before its day ended.
  const isCarried = (position: bigint, at: number) => carried !== undefined && (position < carried.fromPosition || (position <= carried.throughPosition && at < carriedTo));
  const opening = new Map<string, bigint>(carried?.closing);
  const day = new Map<string, { count: number; amountMinor: bigint } & Movement>();
  let fromPosition = throughPosition + 1n;
  for (const { position, recordedAt, event } of sources) {
    const at = Date.parse(recordedAt);
    if (at >= end) {
      if (position < fromPosition) fromPosition = position;
      continue;
    }
    if (isCarried(position, at)) continue;
    for (const movement of movementsOf(event)) {
      if (at < start) {
        if (movement.section !== 'CASH') opening.set(movement.currency, (opening.get(movement.currency) ?? 0n) + movement.amountMinor);
        continue;
      }
      const key = `${movement.currency}|${movement.section}|${movement.method}`;
      const sum = day.get(key);
      day.set(key, { ...movement, count: (sum?.count ?? 0) + 1, amountMinor: (sum?.amountMinor ?? 0n) + movement.amountMinor });
    }
  }
  const closing = new Map<string, bigint>();
  const currencies = [...new Set([...opening.keys(), ...[...day.values()].map((line) => line.currency)])].sort();
  const lines: StatementLine[] = currencies.flatMap((currency) => {
    const movements = [...day.values()]
      .filter((line) => line.currency === currency)
      .sort((a, b) => (a.section === b.section ? (a.method < b.method ? -1 : 1) : ORDER.indexOf(a.section) - ORDER.indexOf(b.section)));
    const owed = movements.filter((line) => line.section !== 'CASH');
    const openingMinor = opening.get(currency) ?? 0n;
    const closingMinor = owed.reduce((sum, line) => sum + line.amountMinor, openingMinor);
    // A currency only ever taken in cash is not owed: it opens no later day's statement.
    if (opening.has(currency) || owed.length > 0) closing.set(currency, closingMinor);
    const row = ({ section, method, count, amountMinor }: Omit<StatementLine, 'currency'>): StatementLine => ({ currency, section, method, count, amountMinor });
    return [
      row({ section: 'OPENING', method: '', count: '', amountMinor: openingMinor }),
      ...owed.map(row),
      row({ section: 'CLOSING', method: '', count: '', amountMinor: closingMinor }),
      ...movements.filter((line) => line.section === 'CASH').map(row),
    ];
  });
  return { merchantId, date, from, to, lines, carry: { to, throughPosition, fromPosition, closing } };
}
