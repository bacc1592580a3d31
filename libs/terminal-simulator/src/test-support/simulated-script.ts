// A terminal's script on the simulated clock, for the simulator's specs.
import { Prng } from '../prng';
import { TrafficScript, TrafficScriptOptions } from '../traffic-script';

export const SIMULATED_START = Date.parse('2026-11-23T08:00:00.000Z');

/** Terminal t-1 selling in CNY from SIMULATED_START; `options` override or add to that. */
export function simulatedScript(seed: number, options: Partial<TrafficScriptOptions> = {}): TrafficScript {
  return new TrafficScript({ prng: new Prng(seed), terminalId: 't-1', currency: 'CNY', clock: { kind: 'simulated', startAt: SIMULATED_START }, ...options });
}
