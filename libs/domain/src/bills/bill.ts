import { MoneyJson } from '../values/money';

/** Who sent the file: WeChat Pay's or Alipay's daily trade bill (对账单), or the acquirer's settlement file. */
export type BillSource = 'wechat-pay' | 'alipay' | 'acquirer';

export const BILL_SOURCES: readonly BillSource[] = ['wechat-pay', 'alipay', 'acquirer'];

export type BillLineKind = 'SALE' | 'REFUND';

/** One trade of an outside bill, as its sender states it. */
export interface BillLine {
  /** The line of the file it was read from, from 1 (header lines count). */
  readonly lineNumber: number;
  readonly kind: BillLineKind;
  /** The sender's id of the sale: WeChat Pay's 微信订单号, Alipay's 支付宝交易号, the acquirer's reference number (our host reference). */
  readonly reference: string;
  /** The merchant's order number as the sender knows it (our transaction id); '' when the file has none. */
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
}

/** A parsed bill: its lines, and the business day it covers when the file states it (Alipay's header, the acquirer's settlement date). */
export interface Bill {
  readonly source: BillSource;
  readonly date?: string;
  readonly lines: readonly BillLine[];
}
