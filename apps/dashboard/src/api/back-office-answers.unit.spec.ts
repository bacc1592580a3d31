import { decisionOutcome, refusalOf, uploadOutcome } from './back-office-answers';

const imported = { imported: true, source: 'wechat-pay', date: '2026-11-23', sha256: 'ab12', lines: 4, matched: 2, discrepancies: [{ discrepancyId: 'DSC-000001', kind: 'FEE_DIFFERS' }], threeWay: [] };

describe("the back office's answers", () => {
  it('reads a 201 as imported, and a 200 (the same bytes again) as nothing changed', () => {
    expect(uploadOutcome(201, imported)).toEqual({ kind: 'imported', answer: imported });
    expect(uploadOutcome(200, { ...imported, imported: false })).toEqual({ kind: 'unchanged', answer: { ...imported, imported: false } });
  });

  it("reads a malformed file's refusal with its code, words and line", () => {
    const refused = { error: 'BILL.MALFORMED', message: 'line 3: expected 交易状态 SUCCESS or REFUND, got "REFUNDED"', line: 3 };

    expect(uploadOutcome(422, refused)).toEqual({ kind: 'refused', status: 422, code: 'BILL.MALFORMED', message: refused.message, line: 3 });
  });

  it('reads any other refusal without a line, and an answer without words by its status', () => {
    expect(uploadOutcome(400, { error: 'REPORTS.INVALID_ARGUMENT', message: 'importedBy must name who did it' })).toEqual({ kind: 'refused', status: 400, code: 'REPORTS.INVALID_ARGUMENT', message: 'importedBy must name who did it' });
    expect(uploadOutcome(502, 'Bad Gateway')).toEqual({ kind: 'refused', status: 502, message: 'HTTP 502' });
    expect(refusalOf(422, { error: 'BILL.MALFORMED', message: 'no', line: 0 })).toEqual({ kind: 'refused', status: 422, code: 'BILL.MALFORMED', message: 'no' });
    expect(refusalOf(422, { message: 'no', line: '3' })).toEqual({ kind: 'refused', status: 422, message: 'no' });
  });

  it('reads a 200 or 201 that is no import as a refusal, not as figures', () => {
    expect(uploadOutcome(200, {})).toEqual({ kind: 'refused', status: 200, message: 'HTTP 200' });
  });

  it('reads a recorded decision, and a final one refused (409) or an unknown discrepancy (404) with its code', () => {
    const decided = { merchantId: 'm-1', discrepancyId: 'DSC-000001', decision: 'WRITE_OFF', note: '', decidedBy: 'li.na', decidedAt: '2026-11-24T02:00:00.000Z' };

    expect(decisionOutcome(201, decided)).toEqual({ kind: 'decided', answer: decided });
    expect(decisionOutcome(409, { error: 'BILL.DISCREPANCY_RESOLVED', message: 'DSC-000001 was already decided: WRITE_OFF' })).toMatchObject({ kind: 'refused', status: 409, code: 'BILL.DISCREPANCY_RESOLVED' });
    expect(decisionOutcome(404, { error: 'BILL.UNKNOWN_DISCREPANCY', message: 'no DSC-000099' })).toMatchObject({ kind: 'refused', status: 404, code: 'BILL.UNKNOWN_DISCREPANCY' });
  });
});
