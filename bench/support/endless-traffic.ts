// Endless simulator traffic per terminal, taken in slices (the soak bench signs each slice just before sending it).
import type { TerminalEvent, TrafficScript } from '@posledger/terminal-simulator';
import { benchScript, type BenchTerminal } from './terminal-traffic';

export class EndlessTraffic {
  private readonly scripts: TrafficScript[];
  private readonly pending: TerminalEvent[][];

  /** `startAt`: the simulated clock's start (days pass in milliseconds of CPU, about a day per 1,000 events). */
  constructor(
    readonly terminals: readonly BenchTerminal[],
    seed: number,
    startAt: number,
  ) {
    this.scripts = terminals.map((terminal) => benchScript(terminal, seed, startAt));
    this.pending = terminals.map(() => []);
  }

  /** Each terminal's next `events` events, in sequence order (whole flows are generated; the rest waits for the next slice). */
  next(events: number): TerminalEvent[][] {
    return this.scripts.map((script, i) => {
      const buffer = this.pending[i];
      while (buffer.length < events) buffer.push(...script.nextFlow());
      return buffer.splice(0, events);
    });
  }
}
