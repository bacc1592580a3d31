import { isCalendarDate } from '../values/calendar-date';
import { Bill, BillLine } from './bill';
import {
  amountField, countField, expectColumns, expectFieldCount, expectTotal, localTimeField, malformed, moneyOf,
  referenceField,
} from './bill-fields';
import { billLines, splitCsvLine, TextLine } from './bill-text';

export const ALIPAY_HEADER = [
  '支付宝交易号', '商户订单号', '业务类型', '商品名称', '创建时间', '完成时间', '门店编号', '门店名称', '操作员', '终端号', '对方账户',
  '订单金额（元）', '商家实收（元）', '支付宝红包（元）', '集分宝（元）', '支付宝优惠（元）', '商家优惠（元）', '券核销金额（元）', '券名称',
  '商家红包消费金额（元）', '卡消费金额（元）', '退款批次号/请求号', '服务费（元）', '分润（元）', '备注',
] as const;

type Column = (typeof ALIPAY_HEADER)[number];

const CURRENCY = 'CNY';
const START_DATE = /^#起始日期：\[(\d{4})年(\d{2})月(\d{2})日 \d{2}:\d{2}:\d{2}\]/;

/** A # line after the trades stating the count and two sums of the sales, or of the refunds. */
interface Total {
  readonly name: string;
  readonly pattern: RegExp;
  readonly layout: string;
}
const SALES_TOTAL: Total = {
  name: '交易合计',
  pattern: /^#交易合计：(\d+)笔，商家实收共([^元]*)元，商家优惠共([^元]*)元$/,
  layout: '#交易合计：<n>笔，商家实收共<amount>元，商家优惠共<amount>元',
};
const REFUNDS_TOTAL: Total = {
  name: '退款合计',
  pattern: /^#退款合计：(\d+)笔，商家实收退款共([^元]*)元，商家优惠退款共([^元]*)元$/,
  layout: '#退款合计：<n>笔，商家实收退款共<amount>元，商家优惠退款共<amount>元',
};

/** A trade and the two columns the totals at the end add up. */
interface Trade {
  readonly line: BillLine;
  readonly received: bigint;
  readonly discount: bigint;
}

function startDate(line: TextLine): string {
  const m = START_DATE.exec(line.text);
  const date = m === null ? '' : `${m[1]}-${m[2]}-${m[3]}`;
  if (!isCalendarDate(date)) throw malformed('expected #起始日期：[YYYY年MM月DD日 HH:MM:SS]', line.number);
  return date;
}

function trade(line: TextLine): Trade {
  const fields = splitCsvLine(line).map((field) => field.trim());
  expectFieldCount(fields, ALIPAY_HEADER.length, line.number);
  const field = (name: Column) => fields[ALIPAY_HEADER.indexOf(name)];
  const amount = (name: Column) => amountField(field(name), CURRENCY, name, line.number);
  const n = line.number;
  const type = field('业务类型');
  if (type !== '交易' && type !== '退款') throw malformed(`expected 业务类型 交易 or 退款, got "${type}"`, n);
  const sale = type === '交易';
  const reference = referenceField(field('支付宝交易号'), '支付宝交易号', n);
  const localTime = localTimeField(field('完成时间'), '完成时间', n);
  const orderAmount = amount('订单金额（元）');
  // Alipay writes a refund's amounts negative, and a fee charged (服务费) negative too.
  if (sale ? orderAmount <= 0n : orderAmount >= 0n) throw malformed(`expected 订单金额（元） ${sale ? 'above' : 'below'} zero on a ${type}`, n);
  const fee = -amount('服务费（元）');
  const refundReference = sale ? '' : referenceField(field('退款批次号/请求号'), '退款批次号/请求号', n);
  const terminalId = field('终端号');
  return {
    line: {
      lineNumber: n, kind: sale ? 'SALE' : 'REFUND', reference, merchantReference: field('商户订单号'), refundReference, localTime,
      amount: moneyOf(sale ? orderAmount : -orderAmount, CURRENCY), fee: moneyOf(fee, CURRENCY), ...(terminalId === '' ? {} : { terminalId }),
    },
    received: amount('商家实收（元）'),
    discount: amount('商家优惠（元）'),
  };
}

function checkTotal(total: Total, after: readonly TextLine[], trades: readonly Trade[], lastLine: number): void {
  const line = after.find((l) => l.text.startsWith(`#${total.name}`));
  if (line === undefined) throw malformed(`expected a line ${total.layout}`, lastLine);
  const m = total.pattern.exec(line.text.trimEnd());
  if (m === null) throw malformed(`expected ${total.layout}`, line.number);
  const sum = (of: (trade: Trade) => bigint) => trades.reduce((acc, trade) => acc + of(trade), 0n);
  const check = (text: string, computed: bigint, what: string) =>
    expectTotal(amountField(text, CURRENCY, `${total.name}${what}`, line.number), computed, CURRENCY, `${total.name}${what}`, line.number);
  expectTotal(countField(m[1], `${total.name}笔数`, line.number), trades.length, undefined, `${total.name}笔数`, line.number);
  check(m[2], sum((trade) => trade.received), '商家实收');
  check(m[3], sum((trade) => trade.discount), '商家优惠');
}

/** Alipay's 业务明细 CSV: # lines (the 起始日期 gives the date), the header, trades, then # lines with the totals. */
export function parseAlipayBill(bytes: Uint8Array): Bill {
  const lines = billLines(bytes);
  const headerAt = lines.findIndex((line) => !line.text.startsWith('#'));
  const lastLine = lines.at(-1)?.number ?? 1;
  if (headerAt < 0) throw malformed('expected the header of an Alipay 业务明细', lastLine);
  const header = lines[headerAt];
  expectColumns(splitCsvLine(header).map((field) => field.trim()), ALIPAY_HEADER, header.number, 'Alipay 业务明细 header');
  const startLine = lines.slice(0, headerAt).find((line) => line.text.startsWith('#起始日期'));
  if (startLine === undefined) throw malformed('expected a #起始日期 line before the header', header.number);
  const date = startDate(startLine);
  const endAt = lines.findIndex((line, i) => i > headerAt && line.text.startsWith('#'));
  const trades = lines.slice(headerAt + 1, endAt < 0 ? undefined : endAt).map(trade);
  const after = endAt < 0 ? [] : lines.slice(endAt);
  const stray = after.find((line) => !line.text.startsWith('#'));
  if (stray !== undefined) throw malformed('expected only # lines after the trades', stray.number);
  checkTotal(SALES_TOTAL, after, trades.filter((t) => t.line.kind === 'SALE'), lastLine);
  checkTotal(REFUNDS_TOTAL, after, trades.filter((t) => t.line.kind === 'REFUND'), lastLine);
  return { source: 'alipay', date, lines: trades.map((t) => t.line) };
}
