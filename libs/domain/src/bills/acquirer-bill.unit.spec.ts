import fc from 'fast-check';
import iconv from 'iconv-lite';
import { ACQUIRER_HEADER, parseAcquirerBill } from './acquirer-bill';
import { BillRefusedError } from './bill-refused.error';
import { acquirerBillText } from './bill-files';
import { acquirerLines, billDate } from './testing/bill-line.arbitraries';
import { bumpFigure, editField, editLine, insertLine, removeLine } from './testing/edit-bill-text';

const utf8 = (text: string) => new TextEncoder().encode(text);

/** Two sales in batch 17 of T-1, a refund in batch 4 of T-2 (some fields quoted, as the format allows). */
const FILE = [
  ACQUIRER_HEADER.join(','),
  '2026-12-02,104110000000001,T-1,17,SALE,2026-12-02 10:15:03,622588******0009,000123456789,123456,CNY,100.00,0.60,99.40',
  '2026-12-02,104110000000001,T-1,17,SALE,2026-12-02 12:40:00,411111******1111,000123456790,654321,CNY,50.00,0.30,49.70',
  '"2026-12-02","104110000000001","T-2",4,REFUND,2026-12-02 18:05:59,622588******0009,"000123456791",,CNY,20.00,-0.12,-19.88',
  'TOTAL,3,130.00,0.78,129.22',
  '',
].join('\n');

const cny = (minor: string) => ({ currency: 'CNY', minor });
const parse = (text: string) => parseAcquirerBill(utf8(text));

describe('acquirer settlement file', () => {
  it('given two terminals and batches, when parsed, then the settlement date and every line with its terminal and batch', () => {
    const settled = (lineNumber: number, kind: 'SALE' | 'REFUND', reference: string, localTime: string, amount: string, fee: string, terminalId: string, batchNumber: number) => ({
      lineNumber, kind, reference, merchantReference: '', refundReference: '', localTime, amount: cny(amount), fee: cny(fee), terminalId, batchNumber,
    });
    expect(parse(FILE)).toEqual({
      source: 'acquirer',
      date: '2026-12-02',
      lines: [
        settled(2, 'SALE', '000123456789', '2026-12-02 10:15:03', '10000', '60', 'T-1', 17),
        settled(3, 'SALE', '000123456790', '2026-12-02 12:40:00', '5000', '30', 'T-1', 17),
        settled(4, 'REFUND', '000123456791', '2026-12-02 18:05:59', '2000', '-12', 'T-2', 4),
      ],
    });
  });

  it('given the file in GBK with CRLF line ends, then the same bill', () => {
    expect(parseAcquirerBill(new Uint8Array(iconv.encode(FILE.replaceAll('\n', '\r\n'), 'gbk')))).toEqual(parse(FILE));
  });

  it('given a file without trades, then a bill without a date or lines', () => {
    expect(parse(`${ACQUIRER_HEADER.join(',')}\nTOTAL,0,0.00,0.00,0.00\n`)).toEqual({ source: 'acquirer', lines: [] });
  });

  it('given a three-decimal currency first, then the trailer is in its decimals', () => {
    const line = '2026-12-02,M,T-9,1,SALE,2026-12-02 10:00:00,622588******0009,R-1,1,KWD,1.234,0.005,1.229';
    expect(parse([ACQUIRER_HEADER.join(','), line, 'TOTAL,1,1.234,0.005,1.229'].join('\n')).lines[0]).toMatchObject({ amount: { currency: 'KWD', minor: '1234' }, fee: { currency: 'KWD', minor: '5' } });
  });

  const column = (name: (typeof ACQUIRER_HEADER)[number]) => ACQUIRER_HEADER.indexOf(name);
  const field = (lineNumber: number, name: (typeof ACQUIRER_HEADER)[number], value: string) => editField(FILE, lineNumber, column(name), value);

  it.each([
    ['a wrong header', editLine(FILE, 1, (l) => l.replace('net_amount', 'net')), 1, 'expected column 13 of the settlement file header to be net_amount'],
    ['a field missing', editLine(FILE, 2, (l) => l.slice(0, l.lastIndexOf(','))), 2, 'expected 13 fields, got 12'],
    ['a settlement date that does not exist', field(2, 'settlement_date', '2026-11-31'), 2, 'expected settlement_date as YYYY-MM-DD, got "2026-11-31"'],
    ['two settlement dates', field(3, 'settlement_date', '2026-12-03'), 3, 'expected settlement_date 2026-12-02 as on every line, got 2026-12-03'],
    ['an unknown transaction type', field(3, 'transaction_type', 'VOID'), 3, 'expected transaction_type SALE, REFUND or CHARGEBACK, got "VOID"'],
    ['batch 0', field(2, 'batch_number', '0'), 2, 'expected batch_number as a positive integer, got "0"'],
    ['a batch that is no integer', field(3, 'batch_number', '17.0'), 3, 'expected batch_number as a positive integer, got "17.0"'],
    ['an empty terminal', field(2, 'terminal_id', ''), 2, 'expected a terminal_id'],
    ['a leap day of a common year', field(2, 'transaction_time', '2027-02-29 10:00:00'), 2, 'expected transaction_time as YYYY-MM-DD HH:MM:SS, got "2027-02-29 10:00:00"'],
    ['an empty reference', field(3, 'reference_number', ''), 3, 'expected a reference_number'],
    ['an unknown currency', field(3, 'currency', 'cny'), 3, 'expected currency as a known ISO 4217 code, got "cny"'],
    ['a negative amount', field(4, 'amount', '-20.00'), 4, 'expected amount above zero, got "-20.00"'],
    ['a fee with three decimals', field(2, 'fee', '0.600'), 2, 'expected fee as a decimal with at most 2 decimals, got "0.600"'],
    ['a sale net of the wrong fee', field(2, 'net_amount', '99.41'), 2, 'expected net_amount 99.40 (what the lines add up to), got 99.41'],
    ['a refund net written positive', field(4, 'net_amount', '19.88'), 4, 'expected net_amount -19.88 (what the lines add up to), got 19.88'],
    ['a wrong count', bumpFigure(FILE, 5, 0, 1n), 5, 'expected the TOTAL count 3 (what the lines add up to), got 4'],
    ['a wrong amount', bumpFigure(FILE, 5, 1, -1n), 5, 'expected the TOTAL amount 130.00 (what the lines add up to), got 129.99'],
    ['a wrong fee', bumpFigure(FILE, 5, 2, 1n), 5, 'expected the TOTAL fee 0.78 (what the lines add up to), got 0.79'],
    ['a wrong net', bumpFigure(FILE, 5, 3, 1n), 5, 'expected the TOTAL net_amount 129.22 (what the lines add up to), got 129.23'],
    ['a trailer with a field more', editLine(FILE, 5, (l) => `${l},0`), 5, 'expected 5 fields, got 6'],
    ['no trailer', removeLine(FILE, 5), 4, 'expected a TOTAL line after the settled trades'],
    ['a trade after the trailer', insertLine(FILE, 6, FILE.split('\n')[1]), 6, 'expected nothing after the TOTAL line'],
    ['a quote left open', field(2, 'masked_pan', '"622588******0009'), 2, 'expected a closing double quote'],
    ['an empty file', '', 1, 'expected the header of an acquirer settlement file'],
  ])('given %s, then refused naming the line', (_case, text, lineNumber, reason) => {
    const refusal = () => parse(text);
    expect(refusal).toThrow(BillRefusedError);
    expect(refusal).toThrow(expect.objectContaining({ code: 'BILL.MALFORMED', lineNumber, message: `line ${lineNumber}: ${reason}` }));
  });

  it('property: any lines, written as a settlement file, parse back into exactly those lines and the settlement date', () => {
    fc.assert(
      fc.property(acquirerLines, billDate, (lines, date) => {
        expect(parse(acquirerBillText(lines, date))).toEqual({ source: 'acquirer', ...(lines.length > 0 ? { date } : {}), lines });
      }),
    );
  });

  it('property: changing any figure of the TOTAL trailer is refused on the trailer', () => {
    fc.assert(
      fc.property(acquirerLines, fc.integer({ min: 0, max: 3 }), fc.bigInt({ min: 1n, max: 10_000n }), fc.boolean(), (lines, figure, size, down) => {
        const trailer = lines.length + 2;
        const delta = down && figure !== 0 ? -size : size;
        expect(() => parse(bumpFigure(acquirerBillText(lines, '2026-12-02'), trailer, figure, delta))).toThrow(expect.objectContaining({ code: 'BILL.MALFORMED', lineNumber: trailer }));
      }),
    );
  });
});
