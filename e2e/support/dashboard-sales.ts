// The dashboard suite's merchant: a few days of sales the figures of which the suite knows the shape of (methods,
// terminals, a refund, a void, a matched and a mismatched batch), sent through the public ingest API.
import { randomUUID } from 'node:crypto';
import type { RawEvent } from './terminal-http';

/** Events of one terminal, numbered from 1 in the order they are added, each at its own time. */
export class TerminalDay {
  private readonly events: RawEvent[] = [];
  private next = 1;

  constructor(readonly terminalId: string) {}

  get nextSequence(): number {
    return this.next;
  }

  add(at: number, type: string, payload: Record<string, unknown>, transactionId?: string): this {
    this.events.push({ eventId: randomUUID(), terminalId: this.terminalId, sequence: this.next++, occurredAt: new Date(at).toISOString(), type, payload, ...(transactionId ? { transactionId } : {}) });
    return this;
  }

  /** A sequence number that is never sent: the events after it wait behind the gap. */
  withhold(): this {
    this.next++;
    return this;
  }

  /** A QR sale approved at `at` (one event a second). */
  qrSale(at: number, method: 'WECHAT_PAY' | 'ALIPAY', amountMinor: string, id: string = randomUUID()): this {
    return this.add(at, 'qr.scanned', { walletReference: `WR-${id.slice(0, 8)}` }, id)
      .add(at + 1000, 'payment.method_selected', { method }, id)
      .add(at + 2000, 'amount.entered', { amountMinor, currency: 'CNY' }, id)
      .add(at + 3000, 'authorization.requested', {}, id)
      .add(at + 4000, 'authorization.approved', { authCode: 'A1', hostReference: `H-${id.slice(0, 8)}` }, id);
  }

  /** A card sale with a verified PIN, approved at `at`. */
  cardSale(at: number, method: 'DEBIT' | 'CREDIT', scheme: string, maskedPan: string, amountMinor: string, id: string = randomUUID()): this {
    return this.add(at, 'card.inserted', { entryMode: 'CHIP', maskedPan, scheme }, id)
      .add(at + 1000, 'pin.entered', { result: 'VERIFIED' }, id)
      .add(at + 2000, 'payment.method_selected', { method }, id)
      .add(at + 3000, 'amount.entered', { amountMinor, currency: 'CNY' }, id)
      .add(at + 4000, 'authorization.requested', {}, id)
      .add(at + 5000, 'authorization.approved', { authCode: 'A2', hostReference: `H-${id.slice(0, 8)}` }, id);
  }

  settle(at: number, batchNumber: number, totals: readonly { method: string; count: number; amountMinor: string }[]): this {
    return this.add(at, 'settlement.closed', { batchNumber, totals: totals.map((t) => ({ ...t, currency: 'CNY' })) });
  }

  /** The events from sequence `from` on, as one batch body. */
  body(from = 1): string {
    return JSON.stringify({ events: this.events.filter((event) => event.sequence >= from) });
  }
}

export interface DashboardSales {
  readonly terminals: readonly TerminalDay[];
  /** An Alipay sale of CN¥1,234.56 today, settled, then refunded CN¥10.00 (`refundId`). */
  readonly refundedSaleId: string;
  readonly refundId: string;
  /** The terminal whose batch does not reconcile: it reports two WeChat Pay sales of CN¥50.00 where the ledger has one of CN¥20.00 (the other was voided). */
  readonly mismatchTerminal: string;
  /** The terminal whose last event waits behind a sequence that never came. */
  readonly gapTerminal: string;
  /** When the day's sales start (ten minutes ago): the second terminal's shift opens then, both batches close within minutes. */
  readonly todayAt: number;
}

const MINUTE = 60_000;
const DAY = 86_400_000;

/** Eight days ago one sale (the previous period of "last 7 days"); in the last minutes, the day described above. */
export function dashboardSales(now: number, terminalIds: readonly [string, string]): DashboardSales {
  const refundedSaleId = randomUUID();
  const refundId = randomUUID();
  const voidedSaleId = randomUUID();
  const earlier = now - 8 * DAY;
  const today = now - 10 * MINUTE;
  const first = new TerminalDay(terminalIds[0])
    .add(earlier, 'operator.signed_in', { operatorId: 'op-1' })
    .qrSale(earlier + MINUTE, 'ALIPAY', '8000')
    .settle(earlier + 2 * MINUTE, 1, [{ method: 'ALIPAY', count: 1, amountMinor: '8000' }])
    .qrSale(today, 'ALIPAY', '123456', refundedSaleId)
    .qrSale(today + MINUTE, 'WECHAT_PAY', '5000')
    .cardSale(today + 2 * MINUTE, 'DEBIT', 'VISA', '427020******2217', '20000')
    .settle(today + 3 * MINUTE, 2, [
      { method: 'ALIPAY', count: 1, amountMinor: '123456' },
      { method: 'WECHAT_PAY', count: 1, amountMinor: '5000' },
      { method: 'DEBIT', count: 1, amountMinor: '20000' },
    ])
    .add(today + 4 * MINUTE, 'refund.approved', { originalTransactionId: refundedSaleId, amountMinor: '1000', currency: 'CNY' }, refundId)
    .withhold()
    .add(today + 5 * MINUTE, 'operator.signed_out', {});
  const second = new TerminalDay(terminalIds[1])
    .add(today, 'operator.signed_in', { operatorId: 'op-2' })
    .add(today, 'shift.opened', { operatorId: 'op-2', openingCashMinor: '30000', currency: 'CNY' })
    .cardSale(today + MINUTE, 'CREDIT', 'MASTERCARD', '524047******6509', '7777')
    .qrSale(today + 2 * MINUTE, 'WECHAT_PAY', '3000', voidedSaleId)
    .add(today + 3 * MINUTE, 'transaction.voided', { originalTransactionId: voidedSaleId }, voidedSaleId)
    .qrSale(today + 4 * MINUTE, 'WECHAT_PAY', '2000')
    .add(today + 4 * MINUTE, 'shift.closed', { countedCashMinor: '29950', currency: 'CNY' })
    .settle(today + 5 * MINUTE, 1, [
      { method: 'CREDIT', count: 1, amountMinor: '7777' },
      { method: 'WECHAT_PAY', count: 2, amountMinor: '5000' },
    ]);
  return { terminals: [first, second], refundedSaleId, refundId, mismatchTerminal: second.terminalId, gapTerminal: first.terminalId, todayAt: today };
}
