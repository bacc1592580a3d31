import { filterArguments } from './filter-arguments';

describe('transaction filters for the API', () => {
  const week = { from: '2026-11-17', to: '2026-11-23' };

  it("asks for the period's days (to exclusive) and nothing else when no filter is set", () => {
    expect(filterArguments({}, week, 2)).toEqual({ from: '2026-11-17', to: '2026-11-24' });
  });

  it('reads amounts typed in major units into minor units of the currency', () => {
    expect(filterArguments({ min: '10.5', max: '99' }, week, 2)).toMatchObject({ minAmount: '1050', maxAmount: '9900' });
    expect(filterArguments({ min: '1000' }, week, 0)).toMatchObject({ minAmount: '1000' });
    expect(filterArguments({ min: '1.234' }, week, 2)).not.toHaveProperty('minAmount');
  });

  it('names the method, terminal, status and refunds as the API does', () => {
    expect(filterArguments({ method: 'ALIPAY', terminal: 't-1', status: 'SETTLED', refunded: 'yes' }, week, 2)).toEqual({
      from: '2026-11-17',
      to: '2026-11-24',
      method: 'ALIPAY',
      terminalId: 't-1',
      status: 'SETTLED',
      refunded: true,
    });
    expect(filterArguments({ refunded: 'no' }, week, 2)).toMatchObject({ refunded: false });
  });
});
