import fc from 'fast-check';
import iconv from 'iconv-lite';
import { BillRefusedError } from './bill-refused.error';
import { billLines, decodeBillText, splitBillLines, splitCsvLine } from './bill-text';

const utf8 = (text: string) => new TextEncoder().encode(text);
const line = (text: string, number = 1) => ({ number, text });

describe('bill text', () => {
  it('given UTF-8 with or without a BOM, when decoded, then the text without the BOM', () => {
    expect(decodeBillText(utf8('交易时间,金额'))).toBe('交易时间,金额');
    expect(decodeBillText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('交易时间')]))).toBe('交易时间');
  });

  it('given GBK, when decoded, then the same text as UTF-8 would give', () => {
    const text = '支付宝交易号,订单金额（元）,商家实收（元）\r\n#交易合计：2笔，商家实收共24.00元';
    expect(decodeBillText(new Uint8Array(iconv.encode(text, 'gbk')))).toBe(text);
  });

  it('given bytes that are neither UTF-8 nor GBK, then refused on line 1', () => {
    const refusal = () => decodeBillText(new Uint8Array([0x61, 0xff, 0x62]));
    expect(refusal).toThrow(BillRefusedError);
    expect(refusal).toThrow(expect.objectContaining({ code: 'BILL.MALFORMED', lineNumber: 1, message: 'line 1: neither UTF-8 nor GBK' }));
  });

  it('splits on CRLF or LF, numbers lines from 1, and drops blank lines only at the end', () => {
    expect(splitBillLines('a\r\nb\n\nc\r\n\r\n  \n')).toEqual([line('a', 1), line('b', 2), line('', 3), line('c', 4)]);
    expect(splitBillLines('')).toEqual([]);
    expect(billLines(utf8('x\ny'))).toEqual([line('x', 1), line('y', 2)]);
  });

  it.each([
    ['a,b,c', ['a', 'b', 'c']],
    ['', ['']],
    [',a,', ['', 'a', '']],
    ['"a,b",c', ['a,b', 'c']],
    ['"say ""hi""",""', ['say "hi"', '']],
    ['"padded"\t,x', ['padded', 'x']],
    ['`12.00,`CNY', ['`12.00', '`CNY']],
  ])('splits the CSV line %j', (text, fields) => {
    expect(splitCsvLine(line(text))).toEqual(fields);
  });

  it.each([
    ['"unterminated,a', 'expected a closing double quote'],
    ['"a"b,c', 'expected a comma after a closing double quote'],
    ['a"b,c', 'expected a double quote only around a field'],
  ])('refuses the CSV line %j, naming its line', (text, reason) => {
    expect(() => splitCsvLine(line(text, 7))).toThrow(expect.objectContaining({ lineNumber: 7, message: `line 7: ${reason}` }));
  });

  it('property: any fields, written as CSV with quotes where needed, split back into the same fields', () => {
    const quote = (field: string) => (/[",]/.test(field) || field.startsWith('"') ? `"${field.replaceAll('"', '""')}"` : field);
    fc.assert(
      fc.property(fc.array(fc.string({ unit: fc.constantFrom('a', ',', '"', ' ', '\t', '元') }), { minLength: 1 }), (fields) => {
        expect(splitCsvLine(line(fields.map(quote).join(',')))).toEqual(fields);
      }),
    );
  });
});
