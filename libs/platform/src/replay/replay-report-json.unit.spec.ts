import { ProgressMeter } from '@posledger/read-store';
import { progressJson, progressLine } from './replay-report-json';

describe('replay progress', () => {
  it('derives events/s and the time to reach the head from what was projected', () => {
    let now = 1_000;
    const meter = new ProgressMeter(() => now);
    meter.sawHead(300_000n);
    now += 2_000;
    meter.projected(100_000n, 100_000);

    expect(meter.current()).toMatchObject({ phase: 'replaying', position: 100_000n, head: 300_000n, events: 100_000, elapsedMs: 2_000, eventsPerSecond: 50_000, etaSeconds: 4 });
  });

  it('has no ETA before the first events, and never a head behind the position', () => {
    const meter = new ProgressMeter(() => 0);
    expect(meter.current().etaSeconds).toBeUndefined();

    meter.projected(10n, 10);
    expect(meter.current().head).toBe(10n);
  });

  it('prints one line with phase, position, rate and ETA', () => {
    let now = 0;
    const meter = new ProgressMeter(() => now);
    meter.sawHead(200n);
    now = 1_000;
    meter.projected(100n, 100);
    meter.enter('fencing');

    expect(progressLine(progressJson(meter.current()))).toBe('replay fencing: position 100 of 200, 100 events, 100 events/s, ETA 1 s');
  });
});
