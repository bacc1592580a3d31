import { MoneyJson } from '../values/money';

/**
 * Who sent the file: WeChat Pay's or Alipay's daily trade bill (对账单), the acquirer's settlement file, or the bank's
 * confirmation of the payouts it credited or returned.
 */
export type BillSource = 'wechat-pay' | 'alipay' | 'acquirer' | 'bank';

export const BILL_SOURCES: readonly BillSource[] = ['wechat-pay', 'alipay', 'acquirer', 'bank'];

/** A trade (SALE, REFUND), a chargeback the acquirer took (CHARGEBACK), or a payout the bank credited or returned. */
export type BillLineKind = 'SALE' | 'REFUND' | 'CHARGEBACK' | 'PAYOUT_PAID' | 'PAYOUT_RETURNED';

/** One trade of an outside bill, as its sender states it. */
export interface BillLine {
  /** The line of the file it was read from, from 1 (header lines count). */
  readonly lineNumber: number;
  readonly kind: BillLineKind;
  /**
   * The sender's id of the sale: WeChat Pay's 微信订单号, Alipay's 支付宝交易号, the acquirer's reference number (our host
   * reference; a chargeback's is its sale's); the bank's reference of a payout's credit or return.
   */
  readonly reference: string;
  /** The merchant's order number as the sender knows it (our transaction id; a payout's id for the bank); '' when the file has none. */
  readonly merchantReference: string;
  /** A refund's own id at the sender (微信退款单号, Alipay's 退款批次号); '' for a sale. */
  readonly refundReference: string;
  /** When the sender says it happened, in its own local time as written: YYYY-MM-DD HH:MM:SS. */
  readonly localTime: string;
  /** What was paid (a sale) or given back (a refund): positive. */
  readonly amount: MoneyJson;
  /** The fee the sender charged for it: positive when charged, negative when given back with a refund, 0 when none. */
  readonly fee: MoneyJson;
  /** The acquirer's file names the terminal and its batch; the wallets' bills do not. */
  readonly terminalId?: string;
  readonly batchNumber?: number;
  /** Why the bank returned a payout. */
  readonly reason?: string;
}

/** A parsed bill: its lines, and the business day it covers when the file states it (Alipay's header, the acquirer's settlement date). */
export interface Bill {
  readonly source: BillSource;
  readonly date?: string;
  readonly lines: readonly BillLine[];
}
