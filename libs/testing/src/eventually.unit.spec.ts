import { eventually, waitFor } from './eventually';

describe('eventually', () => {
  it('returns the first value that passes the check, probing until then', async () => {
    let probes = 0;
    const value = await eventually(
      () => ++probes,
      (count) => count >= 3,
      { intervalMs: 1 },
    );
    expect(value).toBe(3);
    expect(probes).toBe(3);
  });

  it('takes an asynchronous probe', async () => {
    let probes = 0;
    const value = await eventually(
      async () => ({ position: BigInt(++probes) }),
      ({ position }) => position === 2n,
      { intervalMs: 1 },
    );
    expect(value).toEqual({ position: 2n });
  });

  it('probes once even with no time left, and returns a value that already passes', async () => {
    await expect(eventually(() => 'ready', (value) => value === 'ready', { timeoutMs: 0 })).resolves.toBe('ready');
  });

  it('fails on timeout naming what it waited for and showing the last value, bigints included', async () => {
    const waiting = eventually(
      () => ({ position: 41n, streams: ['terminal-a'] }),
      ({ position }) => position === 42n,
      { timeoutMs: 30, intervalMs: 5, what: 'the projection to reach position 42' },
    );
    await expect(waiting).rejects.toThrow('waiting for the projection to reach position 42; last value: {"position":"41n","streams":["terminal-a"]}');
  });

  it('shows a last value JSON cannot write', async () => {
    await expect(eventually(() => undefined, (value) => value !== undefined, { timeoutMs: 10, intervalMs: 5, what: 'a value' })).rejects.toThrow(
      'waiting for a value; last value: undefined',
    );
  });

  it('cuts a very long last value', async () => {
    const waiting = eventually(() => 'x'.repeat(20_000), () => false, { timeoutMs: 10, intervalMs: 5, what: 'nothing' });
    await expect(waiting).rejects.toThrow(/last value: "x{9999}… \(10002 more characters\)$/);
  });

  it('lets an error of the probe through at once', async () => {
    let probes = 0;
    const failing = eventually(
      () => {
        probes++;
        throw new Error('read store closed');
      },
      () => true,
      { timeoutMs: 1_000 },
    );
    await expect(failing).rejects.toThrow('read store closed');
    expect(probes).toBe(1);
  });
});

describe('waitFor', () => {
  it('resolves once the condition holds', async () => {
    let checks = 0;
    await waitFor(async () => ++checks === 4, { intervalMs: 1 });
    expect(checks).toBe(4);
  });

  it('fails on timeout naming what it waited for', async () => {
    await expect(waitFor(() => false, { timeoutMs: 20, intervalMs: 5, what: 'the consumer to catch up' })).rejects.toThrow(
      /^timed out after 20 ms \(\d+ probes\) waiting for the consumer to catch up; last value: false$/,
    );
  });
});
