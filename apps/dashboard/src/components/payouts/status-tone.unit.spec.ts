import { disputeTone, payoutTone } from './status-tone';

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
});
