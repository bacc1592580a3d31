import fc from 'fast-check';
import iconv from 'iconv-lite';
import { ALIPAY_HEADER, parseAlipayBill } from './alipay-bill';
import { BillRefusedError } from './bill-refused.error';
import { alipayBillText } from './bill-files';
import { alipayLines, billDate } from './testing/bill-line.arbitraries';
import { bumpFigure, editField, editLine, insertLine, removeLine } from './testing/edit-bill-text';

const gbk = (text: string) => new Uint8Array(iconv.encode(text, 'gbk'));
const utf8 = (text: string) => new TextEncoder().encode(text);
const row = (values: readonly string[]) => values.map((value) => `${value}\t`).join(',');

/** Two sales (one at terminal T-2) and a refund of part of the first, as Alipay exports its 业务明细 (GBK, CRLF, tab-padded). */
const BILL = [
  '#支付宝业务明细查询',
  '#账号：[20881234567890120156]',
  '#起始日期：[2026年12月02日 00:00:00]   终止日期：[2026年12月03日 00:00:00]',
  '#-----------------------------------------业务明细列表----------------------------------------',
  ALIPAY_HEADER.join(','),
  row(['2026120222001412345678901234', 'tx-000003', '交易', '午餐', '2026-12-02 09:30:11', '2026-12-02 09:30:12', '', '', '', 'T-2', '159****1234', '15.00', '15.00', '0.00', '0.00', '0.00', '0.00', '0.00', '', '0.00', '0.00', '', '-0.09', '0.00', '']),
  row(['2026120222001412345678905678', 'tx-000004', '交易', '咖啡', '2026-12-02 10:01:40', '2026-12-02 10:01:41', '', '', '', '', 'abc***@example.com', '9.00', '9.00', '0.00', '0.00', '0.00', '0.00', '0.00', '', '0.00', '0.00', '', '-0.05', '0.00', '']),
  row(['2026120222001412345678901234', 'tx-000003', '退款', '午餐', '2026-12-02 16:00:00', '2026-12-02 16:00:01', '', '', '', 'T-2', '159****1234', '-5.00', '-5.00', '0.00', '0.00', '0.00', '0.00', '0.00', '', '0.00', '0.00', '2026120210001234', '0.03', '0.00', '']),
  '#-----------------------------------------业务明细列表结束------------------------------------',
  '#交易合计：2笔，商家实收共24.00元，商家优惠共0.00元',
  '#退款合计：1笔，商家实收退款共-5.00元，商家优惠退款共0.00元',
  '#导出时间：[2026年12月03日 09:12:01]',
  '',
].join('\r\n');

const cny = (minor: string) => ({ currency: 'CNY', minor });

describe('Alipay 业务明细', () => {
  it('given a GBK bill with two sales and a refund, when parsed, then its day from 起始日期 and its lines, fees charged positive', () => {
    expect(parseAlipayBill(gbk(BILL))).toEqual({
      source: 'alipay',
      date: '2026-12-02',
      lines: [
        { lineNumber: 6, kind: 'SALE', reference: '2026120222001412345678901234', merchantReference: 'tx-000003', refundReference: '', localTime: '2026-12-02 09:30:12', amount: cny('1500'), fee: cny('9'), terminalId: 'T-2' },
        { lineNumber: 7, kind: 'SALE', reference: '2026120222001412345678905678', merchantReference: 'tx-000004', refundReference: '', localTime: '2026-12-02 10:01:41', amount: cny('900'), fee: cny('5') },
        { lineNumber: 8, kind: 'REFUND', reference: '2026120222001412345678901234', merchantReference: 'tx-000003', refundReference: '2026120210001234', localTime: '2026-12-02 16:00:01', amount: cny('500'), fee: cny('-3'), terminalId: 'T-2' },
      ],
    });
  });

  it('given the same bill in UTF-8 with a BOM, then the same bill', () => {
    expect(parseAlipayBill(utf8(`\ufeff${BILL}`))).toEqual(parseAlipayBill(gbk(BILL)));
  });

  const column = (name: (typeof ALIPAY_HEADER)[number]) => ALIPAY_HEADER.indexOf(name);
  const field = (lineNumber: number, name: (typeof ALIPAY_HEADER)[number], value: string) => editField(BILL, lineNumber, column(name), `${value}\t`);

  it.each([
    ['a wrong header', editLine(BILL, 5, (l) => l.replace('商家实收（元）', '实收金额')), 5, 'expected column 13 of the Alipay 业务明细 header to be 商家实收（元）'],
    ['no 起始日期', removeLine(BILL, 3), 4, 'expected a #起始日期 line before the header'],
    ['a 起始日期 that does not exist', editLine(BILL, 3, (l) => l.replace('12月02日', '02月30日')), 3, 'expected #起始日期：[YYYY年MM月DD日 HH:MM:SS]'],
    ['no header', BILL.split('\r\n').slice(0, 4).join('\r\n'), 4, 'expected the header of an Alipay 业务明细'],
    ['a field missing', editLine(BILL, 7, (l) => l.slice(0, l.lastIndexOf(','))), 7, 'expected 25 fields, got 24'],
    ['an unknown 业务类型', field(8, '业务类型', '冻结'), 8, 'expected 业务类型 交易 or 退款, got "冻结"'],
    ['a 完成时间 without seconds', field(6, '完成时间', '2026-12-02 09:30'), 6, 'expected 完成时间 as YYYY-MM-DD HH:MM:SS, got "2026-12-02 09:30"'],
    ['a 完成时间 at minute 60', field(7, '完成时间', '2026-12-02 10:60:41'), 7, 'expected 完成时间 as YYYY-MM-DD HH:MM:SS, got "2026-12-02 10:60:41"'],
    ['a sale written negative', field(7, '订单金额（元）', '-9.00'), 7, 'expected 订单金额（元） above zero on a 交易'],
    ['a refund written positive', field(8, '订单金额（元）', '5.00'), 8, 'expected 订单金额（元） below zero on a 退款'],
    ['an amount with three decimals', field(6, '订单金额（元）', '15.001'), 6, 'expected 订单金额（元） as a decimal with at most 2 decimals, got "15.001"'],
    ['a 服务费 with a currency sign', field(6, '服务费（元）', '￥-0.09'), 6, 'expected 服务费（元） as a decimal with at most 2 decimals, got "￥-0.09"'],
    ['an empty 商家实收', field(7, '商家实收（元）', ''), 7, 'expected 商家实收（元） as a decimal with at most 2 decimals, got ""'],
    ['an empty 支付宝交易号', field(7, '支付宝交易号', ''), 7, 'expected a 支付宝交易号'],
    ['a refund without its 退款批次号', field(8, '退款批次号/请求号', ''), 8, 'expected a 退款批次号/请求号'],
    ['a wrong sales count', bumpFigure(BILL, 10, 0, 1n), 10, 'expected 交易合计笔数 2 (what the lines add up to), got 3'],
    ['a wrong 商家实收', bumpFigure(BILL, 10, 1, -1n), 10, 'expected 交易合计商家实收 24.00 (what the lines add up to), got 23.99'],
    ['a wrong 商家优惠', bumpFigure(BILL, 10, 2, 1n), 10, 'expected 交易合计商家优惠 0.00 (what the lines add up to), got 0.01'],
    ['a wrong refunds count', bumpFigure(BILL, 11, 0, -1n), 11, 'expected 退款合计笔数 1 (what the lines add up to), got 0'],
    ['a 商家实收退款 written positive', editLine(BILL, 11, (l) => l.replace('-5.00', '5.00')), 11, 'expected 退款合计商家实收 -5.00 (what the lines add up to), got 5.00'],
    ['a garbled 交易合计', editLine(BILL, 10, (l) => l.replace('笔', '')), 10, 'expected #交易合计：<n>笔，商家实收共<amount>元，商家优惠共<amount>元'],
    ['a total that is no number', editLine(BILL, 11, (l) => l.replace('0.00元', '零元')), 11, 'expected 退款合计商家优惠 as a decimal with at most 2 decimals, got "零"'],
    ['no 退款合计', removeLine(BILL, 11), 11, 'expected a line #退款合计：<n>笔，商家实收退款共<amount>元，商家优惠退款共<amount>元'],
    ['no 交易合计', removeLine(BILL, 10), 11, 'expected a line #交易合计：<n>笔，商家实收共<amount>元，商家优惠共<amount>元'],
    ['a trade after the totals', insertLine(BILL, 12, BILL.split('\r\n')[6]), 12, 'expected only # lines after the trades'],
  ])('given %s, then refused naming the line', (_case, text, lineNumber, reason) => {
    const refusal = () => parseAlipayBill(gbk(text));
    expect(refusal).toThrow(BillRefusedError);
    expect(refusal).toThrow(expect.objectContaining({ code: 'BILL.MALFORMED', lineNumber, message: `line ${lineNumber}: ${reason}` }));
  });

  it('property: any lines, written as an Alipay 业务明细 in GBK or UTF-8, parse back into exactly those lines and the day', () => {
    fc.assert(
      fc.property(alipayLines, billDate, fc.constantFrom(gbk, utf8), (lines, date, encode) => {
        expect(parseAlipayBill(encode(alipayBillText(lines, date)))).toEqual({ source: 'alipay', date, lines });
      }),
    );
  });

  it('property: changing any figure of 交易合计 or 退款合计 is refused on its line', () => {
    fc.assert(
      fc.property(alipayLines, fc.constantFrom(0, 1), fc.integer({ min: 0, max: 2 }), fc.bigInt({ min: 1n, max: 10_000n }), fc.boolean(), (lines, total, figure, size, down) => {
        const totalLine = lines.length + 7 + total;
        const delta = down && figure !== 0 ? -size : size;
        expect(() => parseAlipayBill(gbk(bumpFigure(alipayBillText(lines, '2026-12-02'), totalLine, figure, delta)))).toThrow(
          expect.objectContaining({ code: 'BILL.MALFORMED', lineNumber: totalLine }),
        );
      }),
    );
  });
});
