import { positiveOption, simulatedTerminals, SimulatorOptionError } from './simulator-options';

describe('simulator options', () => {
  it('reads a positive integer option, and nothing when it is absent', () => {
    expect(positiveOption({ rate: '250' }, 'rate')).toBe(250);
    expect(positiveOption({}, 'rate')).toBeUndefined();
  });

  it.each([['0'], ['-3'], ['2.5'], ['ten'], [true]])('refuses %p with the option named', (raw) => {
    expect(() => positiveOption({ seed: raw }, 'seed')).toThrow(new SimulatorOptionError('--seed must be a positive integer'));
  });

  it('reads the terminals file: each terminal’s id, merchant, secret and currency', () => {
    const file = [{ terminalId: 't-1', merchantId: 'm-1', secret: 's3cret', currency: 'CNY', extra: 'ignored' }];
    expect(simulatedTerminals(file)).toEqual([{ terminalId: 't-1', merchantId: 'm-1', secret: 's3cret', currency: 'CNY' }]);
  });

  it('refuses a file that is not a non-empty array, or a terminal missing a field, naming what is missing', () => {
    expect(() => simulatedTerminals({})).toThrow('the terminals file must hold a non-empty JSON array');
    expect(() => simulatedTerminals([])).toThrow('the terminals file must hold a non-empty JSON array');
    expect(() => simulatedTerminals([{ terminalId: 't-1', merchantId: '', secret: 's' }])).toThrow('terminal 0: merchantId, currency missing');
  });
});
