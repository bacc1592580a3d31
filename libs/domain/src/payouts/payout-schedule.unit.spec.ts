import { dueCutoff, valueDateOf } from './payout-schedule';

describe('the payout schedule', () => {
  it("cuts off at the latest cut-off time at or before now in the merchant's zone, paid delayDays after its date", () => {
    // 14:00 in Shanghai: today's midnight cut-off has passed, today's 18:00 has not.
    expect(dueCutoff({ delayDays: 1, cutoff: '00:00' }, 'Asia/Shanghai', '2026-12-03T06:00:00.000Z')).toEqual({ cutoffAt: '2026-12-02T16:00:00.000Z', valueDate: '2026-12-04' });
    expect(dueCutoff({ delayDays: 2, cutoff: '18:00' }, 'Asia/Shanghai', '2026-12-03T06:00:00.000Z')).toEqual({ cutoffAt: '2026-12-02T10:00:00.000Z', valueDate: '2026-12-04' });
    expect(dueCutoff({ delayDays: 0, cutoff: '14:00' }, 'Asia/Shanghai', '2026-12-03T06:00:00.000Z')).toEqual({ cutoffAt: '2026-12-03T06:00:00.000Z', valueDate: '2026-12-03' });
  });

  it('follows the zone across a change of clocks and a month end', () => {
    // London moves to summer time at 01:00 UTC on 2026-03-29: midnight is 00:00 UTC before and 23:00 UTC after.
    expect(dueCutoff({ delayDays: 1, cutoff: '00:00' }, 'Europe/London', '2026-03-30T12:00:00.000Z')).toEqual({ cutoffAt: '2026-03-29T23:00:00.000Z', valueDate: '2026-03-31' });
    expect(dueCutoff({ delayDays: 1, cutoff: '00:00' }, 'Europe/London', '2026-03-29T12:00:00.000Z')).toEqual({ cutoffAt: '2026-03-29T00:00:00.000Z', valueDate: '2026-03-30' });
    expect(valueDateOf('2026-12-31T17:00:00.000Z', 'Asia/Shanghai', 1)).toBe('2027-01-02');
  });
});
