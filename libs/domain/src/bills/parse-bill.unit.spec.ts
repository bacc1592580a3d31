import iconv from 'iconv-lite';
import { BillSource } from './bill';
import { BillRefusedError } from './bill-refused.error';
import { parseBill } from './parse-bill';
import { acquirerBillText, alipayBillText, wechatPayBillText } from './bill-files';

const sale = { kind: 'SALE' as const, reference: 'R-1', merchantReference: 'tx-1', refundReference: '', localTime: '2026-12-02 10:00:00', amount: { currency: 'CNY', minor: '1200' }, fee: { currency: 'CNY', minor: '7' } };

describe('parseBill', () => {
  it.each<[BillSource, Uint8Array, string | undefined]>([
    ['wechat-pay', new TextEncoder().encode(wechatPayBillText([sale])), undefined],
    ['alipay', new Uint8Array(iconv.encode(alipayBillText([sale], '2026-12-02'), 'gbk')), '2026-12-02'],
    ['acquirer', new TextEncoder().encode(acquirerBillText([{ ...sale, merchantReference: '', terminalId: 'T-1', batchNumber: 3 }], '2026-12-02')), '2026-12-02'],
  ])('given a %s file, then the bill of that source', (source, bytes, date) => {
    const bill = parseBill(source, bytes);
    expect(bill).toMatchObject({ source, lines: [expect.objectContaining({ reference: 'R-1', amount: sale.amount, fee: sale.fee })] });
    expect(bill.date).toBe(date);
  });

  it("given one sender's file as another's, then refused on its header", () => {
    expect(() => parseBill('acquirer', new TextEncoder().encode(wechatPayBillText([sale])))).toThrow(expect.objectContaining({ code: 'BILL.MALFORMED', lineNumber: 1 }));
  });

  it('given an unknown source, then refused as such', () => {
    const refusal = () => parseBill('paypal' as BillSource, new Uint8Array());
    expect(refusal).toThrow(BillRefusedError);
    expect(refusal).toThrow(expect.objectContaining({ code: 'BILL.UNKNOWN_SOURCE' }));
  });
});
