import { currencyExponent } from '../values/currency';
import { ACQUIRER_HEADER, ACQUIRER_TRAILER } from './acquirer-bill';
import { ALIPAY_HEADER } from './alipay-bill';
import { BillLine, BillSource } from './bill';
import { BANK_HEADER, BANK_TRAILER } from './bank-confirmation';
import { minorToDecimal } from './decimal-amount';
import { WECHAT_PAY_HEADER, WECHAT_PAY_SUMMARY_HEADER } from './wechat-pay-bill';

// Bill lines written in each sender's published layout, with the totals the lines add up to: what the parsers read
// back exactly. Specs, e2e tests and recorded histories write bills with them (a discrepancy is planted by changing a
// line before writing). The line numbers of the lines given are ignored: the first trade lands on
// FIRST_TRADE_LINE[source], the next below it.

export type BillFileLine = Omit<BillLine, 'lineNumber'> & { readonly lineNumber?: number };

export const FIRST_TRADE_LINE: Readonly<Record<BillSource, number>> = { 'wechat-pay': 2, alipay: 6, acquirer: 2, bank: 2 };

function csvField(value: string): string {
  return /[",]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function decimal(minor: bigint | string, currency: string): string {
  return minorToDecimal(BigInt(minor), currencyExponent(currency) ?? 0);
}

function sum(lines: readonly BillFileLine[], of: (line: BillFileLine) => bigint): bigint {
  return lines.reduce((acc, line) => acc + of(line), 0n);
}

const signed = (line: BillFileLine) => (line.kind === 'SALE' ? 1n : -1n) * BigInt(line.amount.minor);

/** WeChat Pay's 交易账单 (type ALL), UTF-8, CRLF, each value after a backtick. */
export function wechatPayBillText(lines: readonly BillFileLine[]): string {
  const row = (values: readonly string[]) => values.map((value) => csvField(`\`${value}`)).join(',');
  const trade = (line: BillFileLine) => {
    const { currency } = line.amount;
    const [zero, amount, fee] = [decimal(0n, currency), decimal(line.amount.minor, currency), decimal(line.fee.minor, currency)];
    const sale = line.kind === 'SALE';
    return row([
      line.localTime, 'wx2421b1c4370ec43b', '10000100', '0', '', line.reference, line.merchantReference,
      'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o', 'MICROPAY', sale ? 'SUCCESS' : 'REFUND', 'CFT', currency, sale ? amount : zero, zero,
      sale ? '0' : line.refundReference, sale ? '0' : line.refundReference, sale ? zero : amount, zero, sale ? '' : 'ORIGINAL',
      sale ? '' : 'SUCCESS', '商品', '', fee, '0.60%', sale ? amount : zero, sale ? zero : amount, '',
    ]);
  };
  const currency = lines[0]?.amount.currency ?? 'CNY';
  const sales = sum(lines, (line) => (line.kind === 'SALE' ? BigInt(line.amount.minor) : 0n));
  const refunds = sum(lines, (line) => (line.kind === 'REFUND' ? BigInt(line.amount.minor) : 0n));
  const summary = row([
    String(lines.length), decimal(sales, currency), decimal(refunds, currency), decimal(0n, currency),
    decimal(sum(lines, (line) => BigInt(line.fee.minor)), currency), decimal(sales, currency), decimal(refunds, currency),
  ]);
  return [WECHAT_PAY_HEADER.join(','), ...lines.map(trade), WECHAT_PAY_SUMMARY_HEADER.join(','), summary, ''].join('\r\n');
}

function chineseDate(date: string): string {
  const [year, month, day] = date.split('-');
  return `${year}年${month}月${day}日`;
}

function nextDay(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

/** Alipay's 业务明细 for the day `date` (YYYY-MM-DD), CRLF, values padded with a tab as Alipay pads them. Encode it GBK yourself. */
export function alipayBillText(lines: readonly BillFileLine[], date: string): string {
  const cny = (minor: bigint | string) => decimal(minor, 'CNY');
  const zero = cny(0n);
  const trade = (line: BillFileLine) => {
    const sale = line.kind === 'SALE';
    const amount = cny(signed(line));
    return [
      line.reference, line.merchantReference, sale ? '交易' : '退款', '商品', line.localTime, line.localTime, '', '', '',
      line.terminalId ?? '', '159****1234', amount, amount, zero, zero, zero, zero, zero, '', zero, zero, line.refundReference,
      cny(-BigInt(line.fee.minor)), zero, '',
    ].map((value) => csvField(`${value}\t`)).join(',');
  };
  const sales = lines.filter((line) => line.kind === 'SALE');
  const refunds = lines.filter((line) => line.kind === 'REFUND');
  const end = nextDay(date);
  return [
    '#支付宝业务明细查询',
    '#账号：[20881234567890120156]',
    `#起始日期：[${chineseDate(date)} 00:00:00]   终止日期：[${chineseDate(end)} 00:00:00]`,
    '#-----------------------------------------业务明细列表----------------------------------------',
    ALIPAY_HEADER.join(','),
    ...lines.map(trade),
    '#-----------------------------------------业务明细列表结束------------------------------------',
    `#交易合计：${sales.length}笔，商家实收共${cny(sum(sales, signed))}元，商家优惠共${zero}元`,
    `#退款合计：${refunds.length}笔，商家实收退款共${cny(sum(refunds, signed))}元，商家优惠退款共${zero}元`,
    `#导出时间：[${chineseDate(end)} 09:12:01]`,
    '',
  ].join('\r\n');
}

/** The acquirer's settlement file for `settlementDate`, LF; a line without a terminal or batch gets T-1, batch 1. */
export function acquirerBillText(lines: readonly BillFileLine[], settlementDate: string): string {
  const net = (line: BillFileLine) => signed(line) - BigInt(line.fee.minor);
  const trade = (line: BillFileLine) => {
    const { currency } = line.amount;
    return [
      settlementDate, '104110000000001', line.terminalId ?? 'T-1', String(line.batchNumber ?? 1), line.kind, line.localTime,
      '622588******0009', line.reference, '123456', currency, decimal(line.amount.minor, currency),
      decimal(line.fee.minor, currency), decimal(net(line), currency),
    ].map(csvField).join(',');
  };
  const currency = lines[0]?.amount.currency ?? 'CNY';
  const trailer = [
    ACQUIRER_TRAILER, String(lines.length), decimal(sum(lines, signed), currency),
    decimal(sum(lines, (line) => BigInt(line.fee.minor)), currency), decimal(sum(lines, net), currency),
  ].join(',');
  return [ACQUIRER_HEADER.join(','), ...lines.map(trade), trailer, ''].join('\n');
}

/** The bank's confirmation of payouts valued on `valueDate`, LF: a PAYOUT_PAID or PAYOUT_RETURNED line per payout (its id the merchantReference). */
export function bankConfirmationText(lines: readonly BillFileLine[], valueDate: string): string {
  const confirmation = (line: BillFileLine) => {
    const { currency } = line.amount;
    const paid = line.kind === 'PAYOUT_PAID';
    return [valueDate, line.merchantReference, currency, decimal(line.amount.minor, currency), line.reference, paid ? 'PAID' : 'RETURNED', paid ? '' : line.reason ?? 'returned'].map(csvField).join(',');
  };
  const currency = lines[0]?.amount.currency ?? 'CNY';
  const credited = sum(lines, (line) => (line.kind === 'PAYOUT_PAID' ? BigInt(line.amount.minor) : 0n));
  return [BANK_HEADER.join(','), ...lines.map(confirmation), [BANK_TRAILER, String(lines.length), decimal(credited, currency)].join(','), ''].join('\n');
}
