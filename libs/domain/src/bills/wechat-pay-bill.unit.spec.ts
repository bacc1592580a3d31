import fc from 'fast-check';
import { BillRefusedError } from './bill-refused.error';
import { wechatPayBillText } from './bill-files';
import { wechatPayLines } from './testing/bill-line.arbitraries';
import { bumpFigure, editField, editLine, insertLine, removeLine } from './testing/edit-bill-text';
import { parseWechatPayBill, WECHAT_PAY_HEADER, WECHAT_PAY_SUMMARY_HEADER } from './wechat-pay-bill';

const utf8 = (text: string) => new TextEncoder().encode(text);
const BOM = '\ufeff';

/** Two sales and a refund of part of the first, as WeChat Pay exports them (CRLF, BOM). */
const BILL = [
  WECHAT_PAY_HEADER.join(','),
  '`2026-12-02 10:15:03,`wx2421b1c4370ec43b,`10000100,`0,`T-1,`4200001234202612021234567890,`tx-000001,`oUpF8uMuAJO_M2pxb1Q9zNjWeS6o,`MICROPAY,`SUCCESS,`CFT,`CNY,`12.00,`0.00,`0,`0,`0.00,`0.00,`,`,`商品,`,`0.07,`0.60%,`12.00,`0.00,`',
  '`2026-12-02 11:02:45,`wx2421b1c4370ec43b,`10000100,`0,`T-1,`4200001234202612021234567891,`tx-000002,`oUpF8uMuAJO_M2pxb1Q9zNjWeS6o,`MICROPAY,`SUCCESS,`CFT,`CNY,`8.50,`0.00,`0,`0,`0.00,`0.00,`,`,`商品,`,`0.05,`0.60%,`8.50,`0.00,`',
  '`2026-12-02 15:30:00,`wx2421b1c4370ec43b,`10000100,`0,`T-1,`4200001234202612021234567890,`tx-000001,`oUpF8uMuAJO_M2pxb1Q9zNjWeS6o,`MICROPAY,`REFUND,`CFT,`CNY,`0.00,`0.00,`50300001234202612021234567890,`rf-000001,`2.00,`0.00,`ORIGINAL,`SUCCESS,`商品,`,`-0.01,`0.60%,`0.00,`2.00,`',
  WECHAT_PAY_SUMMARY_HEADER.join(','),
  '`3,`20.50,`2.00,`0.00,`0.11,`20.50,`2.00',
  '',
  '',
].join('\r\n');

const cny = (minor: string) => ({ currency: 'CNY', minor });
const parse = (text: string) => parseWechatPayBill(utf8(text));

describe('WeChat Pay trade bill', () => {
  it('given a day with two sales and a refund, when parsed, then its lines as WeChat Pay states them, the refund fee given back negative', () => {
    expect(parseWechatPayBill(utf8(BOM + BILL))).toEqual({
      source: 'wechat-pay',
      lines: [
        { lineNumber: 2, kind: 'SALE', reference: '4200001234202612021234567890', merchantReference: 'tx-000001', refundReference: '', localTime: '2026-12-02 10:15:03', amount: cny('1200'), fee: cny('7') },
        { lineNumber: 3, kind: 'SALE', reference: '4200001234202612021234567891', merchantReference: 'tx-000002', refundReference: '', localTime: '2026-12-02 11:02:45', amount: cny('850'), fee: cny('5') },
        { lineNumber: 4, kind: 'REFUND', reference: '4200001234202612021234567890', merchantReference: 'tx-000001', refundReference: '50300001234202612021234567890', localTime: '2026-12-02 15:30:00', amount: cny('200'), fee: cny('-1') },
      ],
    });
  });

  it('given LF line ends and no BOM, then the same lines', () => {
    expect(parse(BILL.replaceAll('\r\n', '\n'))).toEqual(parse(BILL));
  });

  it('given a day without trades, then a bill without lines', () => {
    expect(parse(wechatPayBillText([]))).toEqual({ source: 'wechat-pay', lines: [] });
  });

  const column = (name: (typeof WECHAT_PAY_HEADER)[number]) => WECHAT_PAY_HEADER.indexOf(name);

  it.each([
    ['a wrong header', editLine(BILL, 1, (l) => l.replace('商户号', '商户编号')), 1, 'expected column 3 of the WeChat Pay trade bill header to be 商户号'],
    ['a header with a column more', editLine(BILL, 1, (l) => `${l},备注`), 1, 'expected 27 columns in the WeChat Pay trade bill header, got 28'],
    ['a field missing', editLine(BILL, 3, (l) => l.slice(0, l.lastIndexOf(','))), 3, 'expected 27 fields, got 26'],
    ['a field without its backtick', editField(BILL, 2, column('商户号'), '10000100'), 2, 'expected every field to start with a backtick (`)'],
    ['a day that does not exist', editField(BILL, 2, column('交易时间'), '`2026-02-30 10:15:03'), 2, 'expected 交易时间 as YYYY-MM-DD HH:MM:SS, got "2026-02-30 10:15:03"'],
    ['hour 24', editField(BILL, 3, column('交易时间'), '`2026-12-02 24:00:00'), 3, 'expected 交易时间 as YYYY-MM-DD HH:MM:SS, got "2026-12-02 24:00:00"'],
    ['an ISO time', editField(BILL, 2, column('交易时间'), '`2026-12-02T10:15:03'), 2, 'expected 交易时间 as YYYY-MM-DD HH:MM:SS, got "2026-12-02T10:15:03"'],
    ['an unknown state', editField(BILL, 4, column('交易状态'), '`REVOKED'), 4, 'expected 交易状态 SUCCESS or REFUND, got "REVOKED"'],
    ['an amount with three decimals', editField(BILL, 2, column('应结订单金额'), '`12.000'), 2, 'expected 应结订单金额 as a decimal with at most 2 decimals, got "12.000"'],
    ['an amount with a decimal comma', editField(BILL, 3, column('应结订单金额'), '`8,50'), 3, 'expected 27 fields, got 28'],
    ['a zero sale', editField(BILL, 3, column('应结订单金额'), '`0.00'), 3, 'expected 应结订单金额 above zero, got "0.00"'],
    ['a refund amount in exponent form', editField(BILL, 4, column('退款金额'), '`2e0'), 4, 'expected 退款金额 as a decimal with at most 2 decimals, got "2e0"'],
    ['a fee that is no number', editField(BILL, 2, column('手续费'), '`-'), 2, 'expected 手续费 as a decimal with at most 2 decimals, got "-"'],
    ['an unknown currency', editField(BILL, 2, column('货币种类'), '`RMB'), 2, 'expected 货币种类 as a known ISO 4217 code, got "RMB"'],
    ['an empty 微信订单号', editField(BILL, 3, column('微信订单号'), '`'), 3, 'expected a 微信订单号'],
    ['a refund without its 微信退款单号', editField(BILL, 4, column('微信退款单号'), '`'), 4, 'expected a 微信退款单号'],
    ['an unterminated quote', editField(BILL, 2, column('商品名称'), '"`商品'), 2, 'expected a closing double quote'],
    ['a wrong 总交易单数', bumpFigure(BILL, 6, 0, 1n), 6, 'expected 总交易单数 3 (what the lines add up to), got 4'],
    ['a wrong 应结订单总金额', bumpFigure(BILL, 6, 1, -1n), 6, 'expected 应结订单总金额 20.50 (what the lines add up to), got 20.49'],
    ['a wrong 退款总金额', bumpFigure(BILL, 6, 2, 100n), 6, 'expected 退款总金额 2.00 (what the lines add up to), got 3.00'],
    ['a 手续费总金额 without the fee given back', bumpFigure(BILL, 6, 4, 1n), 6, 'expected 手续费总金额 0.11 (what the lines add up to), got 0.12'],
    ['a summary figure that is no number', editField(BILL, 6, 5, '`twenty'), 6, 'expected 订单总金额 as a decimal with at most 2 decimals, got "twenty"'],
    ['a summary with a field missing', editLine(BILL, 6, (l) => l.slice(0, l.lastIndexOf(','))), 6, 'expected 7 fields, got 6'],
    ['a wrong summary header', editLine(BILL, 5, (l) => l.replace('退款总金额', '退款金额')), 5, 'expected column 3 of the summary header to be 退款总金额'],
    ['no summary', removeLine(removeLine(BILL, 6), 5), 4, 'expected the summary header 总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额'],
    ['a summary header without its values', removeLine(BILL, 6), 5, 'expected the summary values after the summary header'],
    ['a trade after the summary', insertLine(BILL, 7, BILL.split('\r\n')[1]), 7, 'expected nothing after the summary'],
    ['a blank line between the trades', insertLine(BILL, 3, ''), 3, 'expected 27 fields, got 1'],
    ['an empty file', '', 1, 'expected the header of a WeChat Pay trade bill'],
  ])('given %s, then refused naming the line', (_case, text, lineNumber, reason) => {
    const refusal = () => parse(text);
    expect(refusal).toThrow(BillRefusedError);
    expect(refusal).toThrow(expect.objectContaining({ code: 'BILL.MALFORMED', lineNumber, message: `line ${lineNumber}: ${reason}` }));
  });

  it('given bytes that are neither UTF-8 nor GBK, then refused on line 1', () => {
    expect(() => parseWechatPayBill(new Uint8Array([0xff, 0xfe, 0xfd]))).toThrow(expect.objectContaining({ lineNumber: 1, message: 'line 1: neither UTF-8 nor GBK' }));
  });

  it('property: any lines, written as a WeChat Pay bill, parse back into exactly those lines', () => {
    fc.assert(
      fc.property(wechatPayLines, (lines) => {
        expect(parse(wechatPayBillText(lines))).toEqual({ source: 'wechat-pay', lines });
      }),
    );
  });

  it('property: changing any checked figure of the summary (count, sales, refunds, fees) is refused on the summary line', () => {
    fc.assert(
      fc.property(wechatPayLines, fc.constantFrom(0, 1, 2, 4), fc.bigInt({ min: 1n, max: 10_000n }), fc.boolean(), (lines, figure, size, down) => {
        const text = wechatPayBillText(lines);
        const summaryLine = lines.length + 3;
        const delta = down && figure !== 0 ? -size : size;
        expect(() => parse(bumpFigure(text, summaryLine, figure, delta))).toThrow(expect.objectContaining({ code: 'BILL.MALFORMED', lineNumber: summaryLine }));
      }),
    );
  });
});
