import { discrepancyTone, disputeTone, matchTone, payoutTone, reconciliationTone } from './status-tone';

describe('status badges', () => {
  it("read a payout's status: paid, returned, on its way", () => {
    expect(['PAID', 'FAILED', 'IN_TRANSIT'].map(payoutTone)).toEqual(['good', 'bad', 'pending']);
  });

  it("read a dispute's status: won, lost, open", () => {
    expect(['WON', 'LOST', 'OPEN'].map(disputeTone)).toEqual(['good', 'bad', 'pending']);
  });

  it('are neutral for a status the dashboard does not know yet, even one named like an object key', () => {
    expect(['REVERSED', 'toString', '__proto__', ''].map(payoutTone)).toEqual(['neutral', 'neutral', 'neutral', 'neutral']);
    expect(disputeTone('PAID')).toBe('neutral');
  });

  it("read a day's reconciliation, a discrepancy and a three-way match", () => {
    expect(['MATCHED', 'RESOLVED', 'OPEN', 'NO_BILLS'].map(reconciliationTone)).toEqual(['good', 'good', 'bad', 'neutral']);
    expect(['ACCEPT_BILL', 'WRITE_OFF', 'INVESTIGATE', 'OPEN'].map(discrepancyTone)).toEqual(['good', 'good', 'pending', 'bad']);
    expect(['MATCHED', 'MISMATCH', 'toString'].map(matchTone)).toEqual(['good', 'bad', 'neutral']);
  });
});
