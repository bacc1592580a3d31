import fc from 'fast-check';
import { BillLine, BillSource } from '../bill';
import { FIRST_TRADE_LINE } from '../bill-files';

// Test-only: fast-check generators of the lines each sender's bill can state, numbered where its renderer puts them.

const localTime = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 19).replace('T', ' '));

/** Commas and quotes included, so that the renderers must quote and the parsers unquote. */
const reference = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_,"-]{0,27}$/);
const amount = fc.bigInt({ min: 1n, max: 10n ** 12n });
const fee = fc.bigInt({ min: -(10n ** 6n), max: 10n ** 6n });
const kind = fc.constantFrom<BillLine['kind']>('SALE', 'REFUND');

type Unnumbered = Omit<BillLine, 'lineNumber'>;

function numbered(source: BillSource, lines: fc.Arbitrary<Unnumbered[]>): fc.Arbitrary<BillLine[]> {
  return lines.map((ls) => ls.map((line, i) => ({ lineNumber: FIRST_TRADE_LINE[source] + i, ...line })));
}

function walletLine(currency: fc.Arbitrary<string>, terminalId: fc.Arbitrary<string | undefined>): fc.Arbitrary<Unnumbered> {
  return fc
    .record({ kind, reference, merchantReference: fc.oneof(fc.constant(''), reference), refundReference: reference, localTime, amount, fee, currency, terminalId })
    .map(({ kind, refundReference, amount, fee, currency, terminalId, ...line }) => ({
      ...line, kind, refundReference: kind === 'SALE' ? '' : refundReference,
      amount: { currency, minor: amount.toString() }, fee: { currency, minor: fee.toString() }, ...(terminalId === undefined ? {} : { terminalId }),
    }));
}

/** A WeChat Pay bill's lines, all in one currency. */
export const wechatPayLines: fc.Arbitrary<BillLine[]> = fc
  .constantFrom('CNY', 'HKD', 'JPY', 'KWD')
  .chain((currency) => numbered('wechat-pay', fc.array(walletLine(fc.constant(currency), fc.constant(undefined)), { maxLength: 12 })));

export const alipayLines: fc.Arbitrary<BillLine[]> = numbered(
  'alipay',
  fc.array(walletLine(fc.constant('CNY'), fc.option(reference, { nil: undefined })), { maxLength: 12 }),
);

/** An acquirer file's lines, each in its own currency: the trailer adds their minor units all the same. */
export const acquirerLines: fc.Arbitrary<BillLine[]> = numbered(
  'acquirer',
  fc.array(
    fc.record({ kind, reference, localTime, amount, fee, currency: fc.constantFrom('CNY', 'USD', 'JPY', 'KWD'), terminalId: reference, batchNumber: fc.integer({ min: 1, max: 999_999 }) })
      .map(({ amount, fee, currency, ...line }) => ({
        ...line, merchantReference: '', refundReference: '', amount: { currency, minor: amount.toString() }, fee: { currency, minor: fee.toString() },
      })),
    { maxLength: 12 },
  ),
);

export const billDate = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));
