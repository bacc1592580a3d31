import { Bill, BillLine } from './bill';
import {
  amountField, countField, currencyField, expectColumns, expectFieldCount, expectTotal, localTimeField, malformed, moneyOf,
  positiveAmountField, referenceField,
} from './bill-fields';
import { billLines, splitCsvLine, TextLine } from './bill-text';

export const WECHAT_PAY_HEADER = [
  '交易时间', '公众账号ID', '商户号', '特约商户号', '设备号', '微信订单号', '商户订单号', '用户标识', '交易类型', '交易状态',
  '付款银行', '货币种类', '应结订单金额', '代金券金额', '微信退款单号', '商户退款单号', '退款金额', '充值券退款金额', '退款类型',
  '退款状态', '商品名称', '商户数据包', '手续费', '费率', '订单金额', '申请退款金额', '费率备注',
] as const;

export const WECHAT_PAY_SUMMARY_HEADER = [
  '总交易单数', '应结订单总金额', '退款总金额', '充值券退款总金额', '手续费总金额', '订单总金额', '申请退款总金额',
] as const;

type Column = (typeof WECHAT_PAY_HEADER)[number];
type SummaryColumn = (typeof WECHAT_PAY_SUMMARY_HEADER)[number];

/** The summary's figures are in the currency of the first trade; CNY for a bill without trades. */
const DEFAULT_CURRENCY = 'CNY';

/** The values of a data or summary line: WeChat Pay writes a backtick before each so that spreadsheets keep them as text. */
function backtickedFields(line: TextLine, count: number): string[] {
  const fields = splitCsvLine(line);
  expectFieldCount(fields, count, line.number);
  return fields.map((field) => {
    if (!field.startsWith('`')) throw malformed('expected every field to start with a backtick (`)', line.number);
    return field.slice(1);
  });
}

function tradeLine(line: TextLine): BillLine {
  const fields = backtickedFields(line, WECHAT_PAY_HEADER.length);
  const field = (name: Column) => fields[WECHAT_PAY_HEADER.indexOf(name)];
  const n = line.number;
  const state = field('交易状态');
  if (state !== 'SUCCESS' && state !== 'REFUND') throw malformed(`expected 交易状态 SUCCESS or REFUND, got "${state}"`, n);
  const localTime = localTimeField(field('交易时间'), '交易时间', n);
  const currency = currencyField(field('货币种类'), '货币种类', n);
  const reference = referenceField(field('微信订单号'), '微信订单号', n);
  const sale = state === 'SUCCESS';
  const amountColumn = sale ? '应结订单金额' : '退款金额';
  const amount = positiveAmountField(field(amountColumn), currency, amountColumn, n);
  const refundReference = sale ? '' : referenceField(field('微信退款单号'), '微信退款单号', n);
  const fee = amountField(field('手续费'), currency, '手续费', n);
  return {
    lineNumber: n, kind: sale ? 'SALE' : 'REFUND', reference, merchantReference: field('商户订单号'), refundReference, localTime,
    amount: moneyOf(amount, currency), fee: moneyOf(fee, currency),
  };
}

function sum(lines: readonly BillLine[], of: (line: BillLine) => string): bigint {
  return lines.reduce((total, line) => total + BigInt(of(line)), 0n);
}

function checkSummary(line: TextLine, trades: readonly BillLine[]): void {
  const fields = backtickedFields(line, WECHAT_PAY_SUMMARY_HEADER.length);
  const field = (name: SummaryColumn) => fields[WECHAT_PAY_SUMMARY_HEADER.indexOf(name)];
  const currency = trades[0]?.amount.currency ?? DEFAULT_CURRENCY;
  const figure = (name: SummaryColumn) => amountField(field(name), currency, name, line.number);
  const sales = trades.filter((trade) => trade.kind === 'SALE');
  const refunds = trades.filter((trade) => trade.kind === 'REFUND');
  expectTotal(countField(field('总交易单数'), '总交易单数', line.number), trades.length, undefined, '总交易单数', line.number);
  expectTotal(figure('应结订单总金额'), sum(sales, (l) => l.amount.minor), currency, '应结订单总金额', line.number);
  expectTotal(figure('退款总金额'), sum(refunds, (l) => l.amount.minor), currency, '退款总金额', line.number);
  expectTotal(figure('手续费总金额'), sum(trades, (l) => l.fee.minor), currency, '手续费总金额', line.number);
  for (const name of ['充值券退款总金额', '订单总金额', '申请退款总金额'] as const) figure(name);
}

/** WeChat Pay's daily trade bill (交易账单, type ALL): header, trades, summary header, summary. It states no date. */
export function parseWechatPayBill(bytes: Uint8Array): Bill {
  const [header, ...rest] = billLines(bytes);
  if (header === undefined) throw malformed('expected the header of a WeChat Pay trade bill', 1);
  expectColumns(splitCsvLine(header), WECHAT_PAY_HEADER, header.number, 'WeChat Pay trade bill header');
  const summaryAt = rest.findIndex((line) => line.text.startsWith(WECHAT_PAY_SUMMARY_HEADER[0]));
  const tradeLines = summaryAt < 0 ? rest : rest.slice(0, summaryAt);
  const trades = tradeLines.map(tradeLine);
  if (summaryAt < 0) throw malformed(`expected the summary header ${WECHAT_PAY_SUMMARY_HEADER.join(',')}`, (rest.at(-1) ?? header).number);
  const [summaryHeader, summary, ...after] = rest.slice(summaryAt);
  expectColumns(splitCsvLine(summaryHeader), WECHAT_PAY_SUMMARY_HEADER, summaryHeader.number, 'summary header');
  if (summary === undefined) throw malformed('expected the summary values after the summary header', summaryHeader.number);
  if (after.length > 0) throw malformed('expected nothing after the summary', after[0].number);
  checkSummary(summary, trades);
  return { source: 'wechat-pay', lines: trades };
}
