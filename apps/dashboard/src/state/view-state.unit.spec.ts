import { DEFAULT_VIEW, endOfDayDay, periodRange, readViewState, reconciliationDay, TABS, writeViewState, type ViewState } from './view-state';

describe('the view in the address bar', () => {
  it('writes a view and reads it back the same', () => {
    const view: ViewState = {
      tab: 'transactions',
      period: { range: { from: '2026-11-01', to: '2026-11-07' } },
      compare: 'lastWeek',
      merchant: 'm-1',
      filters: { method: 'WECHAT_PAY', terminal: 't-1', status: 'SETTLED', min: '10.50', max: '99', refunded: 'yes' },
      sale: { id: 'f3c1', terminalId: 't-1' },
    };

    const search = writeViewState(view);

    expect(search).toBe('?tab=transactions&range=custom&from=2026-11-01&to=2026-11-07&compare=lastWeek&merchant=m-1&method=WECHAT_PAY&terminal=t-1&status=SETTLED&min=10.50&max=99&refunded=yes&sale=f3c1&saleTerminal=t-1');
    expect(readViewState(search)).toEqual(view);
  });

  it('writes nothing for the default view: today, the overview', () => {
    expect(writeViewState(DEFAULT_VIEW)).toBe('');
    expect(readViewState('')).toEqual(DEFAULT_VIEW);
    expect(writeViewState({ ...DEFAULT_VIEW, period: { preset: 'last7' } })).toBe('?range=last7');
  });

  it('falls back to the default for what it cannot read', () => {
    expect(readViewState('?tab=admin&range=custom&from=2026-11-08&to=2026-11-01&compare=year&min=-5&max=1e9&refunded=maybe')).toEqual(DEFAULT_VIEW);
    expect(readViewState('?range=custom&from=2026-02-30&to=2026-03-01').period).toEqual({ preset: 'today' });
  });

  it('never reads or writes a token', () => {
    const view = readViewState('?token=plt_secret&tab=balances');

    expect(view).toEqual({ ...DEFAULT_VIEW, tab: 'balances' });
    expect(writeViewState(view)).not.toContain('plt_secret');
  });

  it('names the payouts tab, after the balances, with the days of its value dates', () => {
    const view = readViewState('?tab=payouts&range=custom&from=2026-12-01&to=2026-12-04');

    expect(TABS.indexOf('payouts')).toBe(TABS.indexOf('balances') + 1);
    expect(view).toEqual({ ...DEFAULT_VIEW, tab: 'payouts', period: { range: { from: '2026-12-01', to: '2026-12-04' } } });
    expect(writeViewState(view)).toBe('?tab=payouts&range=custom&from=2026-12-01&to=2026-12-04');
  });

  it("resolves a preset on the merchant's today, and fixed days as they are", () => {
    expect(periodRange({ preset: 'yesterday' }, '2026-03-01')).toEqual({ from: '2026-02-28', to: '2026-02-28' });
    expect(periodRange({ range: { from: '2026-01-01', to: '2026-01-31' } }, '2026-03-01')).toEqual({ from: '2026-01-01', to: '2026-01-31' });
  });

  it("reads the end of day's day only when it names a real day, and writes it back", () => {
    const view = readViewState('?tab=end-of-day&day=2026-11-23&terminal=t-1');

    expect(view).toEqual({ ...DEFAULT_VIEW, tab: 'end-of-day', day: '2026-11-23', filters: { terminal: 't-1' } });
    expect(writeViewState(view)).toBe('?tab=end-of-day&day=2026-11-23&terminal=t-1');
    expect(['2026-02-30', '2026-11-23T00:00:00Z', '23/11/2026', ''].map((day) => readViewState(`?tab=end-of-day&day=${encodeURIComponent(day)}`).day)).toEqual([undefined, undefined, undefined, undefined]);
  });

  it("shows the end of day of the merchant's today when no day is asked for, or one still to come", () => {
    expect(endOfDayDay(DEFAULT_VIEW, '2026-11-23')).toBe('2026-11-23');
    expect(endOfDayDay({ ...DEFAULT_VIEW, day: '2026-11-22' }, '2026-11-23')).toBe('2026-11-22');
    expect(endOfDayDay({ ...DEFAULT_VIEW, day: '2026-11-24' }, '2026-11-23')).toBe('2026-11-23');
  });

  it("names the reconciliation tab (对账), after the payouts, and reads and writes its day apart from the end of day's", () => {
    const view = readViewState('?tab=reconciliation&billDay=2026-11-22&day=2026-11-23');

    expect(TABS.indexOf('reconciliation')).toBe(TABS.indexOf('payouts') + 1);
    expect(view).toEqual({ ...DEFAULT_VIEW, tab: 'reconciliation', day: '2026-11-23', billDay: '2026-11-22' });
    expect(writeViewState(view)).toBe('?tab=reconciliation&day=2026-11-23&billDay=2026-11-22');
    expect(['2026-02-30', '22/11/2026', ''].map((day) => readViewState(`?tab=reconciliation&billDay=${encodeURIComponent(day)}`).billDay)).toEqual([undefined, undefined, undefined]);
  });

  it("reconciles the merchant's yesterday when no day is asked for, or one still to come", () => {
    expect(reconciliationDay(DEFAULT_VIEW, '2026-03-01')).toBe('2026-02-28');
    expect(reconciliationDay({ ...DEFAULT_VIEW, billDay: '2026-02-20' }, '2026-03-01')).toBe('2026-02-20');
    expect(reconciliationDay({ ...DEFAULT_VIEW, billDay: '2026-03-01' }, '2026-03-01')).toBe('2026-03-01');
    expect(reconciliationDay({ ...DEFAULT_VIEW, billDay: '2026-03-02' }, '2026-03-01')).toBe('2026-02-28');
  });
});
