import { DEFAULT_FEE_SCHEDULE, feeScheduleFrom, parseFeeSchedule } from './fee-schedule';
import { InvalidFeeScheduleError } from './invalid-fee-schedule.error';

describe('fee schedule', () => {
  it('defaults: DEBIT 50, CREDIT 180, WECHAT_PAY 60, ALIPAY 60 basis points', () => {
    expect(DEFAULT_FEE_SCHEDULE).toEqual({ DEBIT: 50, CREDIT: 180, WECHAT_PAY: 60, ALIPAY: 60 });
  });

  it('parses "DEBIT=50,CREDIT=180"; methods not named keep their default', () => {
    expect(parseFeeSchedule('DEBIT=40, CREDIT=200')).toEqual({ DEBIT: 40, CREDIT: 200, WECHAT_PAY: 60, ALIPAY: 60 });
    expect(parseFeeSchedule('')).toEqual(DEFAULT_FEE_SCHEDULE);
    expect(parseFeeSchedule('ALIPAY=0,WECHAT_PAY=10000')).toMatchObject({ ALIPAY: 0, WECHAT_PAY: 10000 });
  });

  it.each(['CASH=10', 'DEBIT=1.5', 'DEBIT=-1', 'DEBIT=10001', 'DEBIT', 'debit=50'])('refuses %j', (text) => {
    expect(() => parseFeeSchedule(text)).toThrow(InvalidFeeScheduleError);
  });

  it('checks a schedule read from JSON', () => {
    expect(feeScheduleFrom({ DEBIT: 1, CREDIT: 2, WECHAT_PAY: 3, ALIPAY: 4 })).toEqual({ DEBIT: 1, CREDIT: 2, WECHAT_PAY: 3, ALIPAY: 4 });
    expect(() => feeScheduleFrom({ DEBIT: 1 })).toThrow(expect.objectContaining({ code: 'FEE_SCHEDULE.INVALID' }));
    expect(() => feeScheduleFrom(null)).toThrow(InvalidFeeScheduleError);
  });
});
