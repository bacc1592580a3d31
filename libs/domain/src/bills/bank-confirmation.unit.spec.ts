import fc from 'fast-check';
import { BillLine } from './bill';
import { bankConfirmationText } from './bill-files';
import { BillRefusedError } from './bill-refused.error';
import { parseBankConfirmation } from './bank-confirmation';

const bytes = (text: string) => new TextEncoder().encode(text);
const cny = (minor: string) => ({ currency: 'CNY', minor });
const paid = (payoutId: string, minor: string, reference: string): BillLine =>
  ({ lineNumber: 0, kind: 'PAYOUT_PAID', reference, merchantReference: payoutId, refundReference: '', localTime: '2026-11-24 00:00:00', amount: cny(minor), fee: cny('0') });
const returned = (payoutId: string, minor: string, reference: string, reason: string): BillLine => ({ ...paid(payoutId, minor, reference), kind: 'PAYOUT_RETURNED', reason });

const refusal = (text: string): { line?: number; message: string } => {
  try {
    parseBankConfirmation(bytes(text));
  } catch (error) {
    if (error instanceof BillRefusedError) return { line: error.lineNumber, message: error.message };
    throw error;
  }
  throw new Error('not refused');
};

describe("the bank's payout confirmation", () => {
  const file = bankConfirmationText([paid('PO-000001', '13320', 'ICBC-7'), returned('PO-000002', '500', 'ICBC-8', 'account closed')], '2026-11-24');

  it('given payouts credited and returned, then each is a line with its payout id, bank reference and reason, on the value date', () => {
    expect(parseBankConfirmation(bytes(file))).toEqual({
      source: 'bank', date: '2026-11-24',
      lines: [
        { ...paid('PO-000001', '13320', 'ICBC-7'), lineNumber: 2 },
        { ...returned('PO-000002', '500', 'ICBC-8', 'account closed'), lineNumber: 3 },
      ],
    });
  });

  it.each([
    ['a status the bank does not use', file.replace(',PAID,', ',SENT,'), 2, 'expected status PAID or RETURNED'],
    ['a return without its reason', file.replace('account closed', ''), 3, 'expected the reason a RETURNED payout came back'],
    ['a TOTAL that is not the sum credited', file.replace('TOTAL,2,133.20', 'TOTAL,2,133.21'), 4, 'the TOTAL amount'],
    ['a line of another value date', file.replace('2026-11-24,PO-000002', '2026-11-25,PO-000002'), 3, 'expected value_date 2026-11-24'],
    ['no TOTAL line', file.replace(/TOTAL.*\n/, ''), 3, 'expected a TOTAL line'],
  ])('refuses %s, naming its line', (_what, text, line, reason) => {
    const refused = refusal(text);
    expect(refused.line).toBe(line);
    expect(refused.message).toContain(reason);
  });

  it('property: any confirmed payouts written in the layout read back as they were', () => {
    const line = fc.record({
      payoutId: fc.integer({ min: 1, max: 999_999 }).map((n) => `PO-${String(n).padStart(6, '0')}`),
      minor: fc.bigInt({ min: 1n, max: 10n ** 12n }).map(String),
      reference: fc.stringMatching(/^[A-Z0-9-]{1,20}$/),
      returned: fc.option(fc.constantFrom('account closed', 'name, "mismatch"'), { nil: undefined }),
    });
    fc.assert(fc.property(fc.array(line, { maxLength: 8 }), (lines) => {
      const written = lines.map(({ payoutId, minor, reference, returned: reason }) => (reason ? returned(payoutId, minor, reference, reason) : paid(payoutId, minor, reference)));
      const parsed = parseBankConfirmation(bytes(bankConfirmationText(written, '2026-11-24')));
      expect(parsed.lines).toEqual(written.map((written, n) => ({ ...written, lineNumber: n + 2 })));
    }));
  });
});
