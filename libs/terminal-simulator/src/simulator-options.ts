import type { SimulatedTerminal } from './run-simulation';

export class SimulatorOptionError extends Error {
  readonly code = 'SIMULATOR.INVALID_OPTION';
}

/** A command-line option that must be a positive integer; undefined when not given. */
export function positiveOption(options: Readonly<Record<string, unknown>>, name: string): number | undefined {
  const raw = options[name];
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (typeof raw !== 'string' || !Number.isInteger(value) || value <= 0) throw new SimulatorOptionError(`--${name} must be a positive integer`);
  return value;
}

const TERMINAL_FIELDS = ['terminalId', 'merchantId', 'secret', 'currency'] as const;

/** Terminals read from a file: an array of {terminalId, merchantId, secret, currency}, each field a non-empty string. */
export function simulatedTerminals(json: unknown): SimulatedTerminal[] {
  if (!Array.isArray(json) || json.length === 0) throw new SimulatorOptionError('the terminals file must hold a non-empty JSON array');
  return json.map((item: unknown, index) => {
    const fields = typeof item === 'object' && item !== null ? Object.fromEntries(Object.entries(item)) : {};
    const missing = TERMINAL_FIELDS.filter((field) => typeof fields[field] !== 'string' || fields[field] === '');
    if (missing.length > 0) throw new SimulatorOptionError(`terminal ${index}: ${missing.join(', ')} missing`);
    return { terminalId: String(fields.terminalId), merchantId: String(fields.merchantId), secret: String(fields.secret), currency: String(fields.currency) };
  });
}
