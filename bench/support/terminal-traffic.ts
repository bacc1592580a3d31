// Realistic terminal event streams from the simulator's seeded scripts on a simulated clock (days pass in
// milliseconds of CPU), generated before any timing starts.
import { Prng, TrafficScript, terminalSeed, type TerminalEvent } from '@posledger/terminal-simulator';

export interface BenchTerminal {
  readonly terminalId: string;
  readonly merchantId: string;
  readonly currency: string;
}

const DAY_MS = 86_400_000;
/**
 * Three days back at 08:00 UTC: a bench history (about a simulated day per 1,000 events of a terminal) stays inside
 * the window of occurredAt that ingest and the ledger accept (35 days back).
 */
export const SIMULATED_START = Math.floor(Date.now() / DAY_MS - 3) * DAY_MS + 8 * 3_600_000;

/** The simulator's seeded script of one terminal on a simulated clock from `startAt`. */
export function benchScript(terminal: Pick<BenchTerminal, 'terminalId' | 'currency'>, seed: number, startAt: number): TrafficScript {
  return new TrafficScript({ prng: new Prng(terminalSeed(seed, terminal.terminalId)), terminalId: terminal.terminalId, currency: terminal.currency, clock: { kind: 'simulated', startAt } });
}

/** About `eventsPerTerminal` events of each terminal (whole flows, then its open batch closed), in sequence order. */
export function terminalHistories(terminals: readonly BenchTerminal[], eventsPerTerminal: number, seed: number): Map<string, TerminalEvent[]> {
  return new Map(
    terminals.map((terminal) => {
      const script = benchScript(terminal, seed, SIMULATED_START);
      const events: TerminalEvent[] = [];
      while (events.length < eventsPerTerminal) events.push(...script.nextFlow());
      events.push(...script.closeBatch());
      return [terminal.terminalId, events];
    }),
  );
}

/** `count` terminals spread over merchants of `terminalsPerMerchant`, ids like m-003 / t-003-07. */
export function benchTerminals(count: number, terminalsPerMerchant: number, currency: string): BenchTerminal[] {
  return Array.from({ length: count }, (_, i) => {
    const merchant = String(Math.floor(i / terminalsPerMerchant) + 1).padStart(3, '0');
    return { terminalId: `t-${merchant}-${String((i % terminalsPerMerchant) + 1).padStart(2, '0')}`, merchantId: `m-${merchant}`, currency };
  });
}
