/** Which merchant a terminal was provisioned to (the merchant is never taken from the payload). */
export interface TerminalDirectory {
  merchantOf(terminalId: string): Promise<string | undefined>;
}

export const TERMINAL_DIRECTORY = Symbol('TerminalDirectory');
export const TERMINAL_SECRETS = Symbol('TerminalSecrets');
export const SEEN_EVENT_IDS = Symbol('SeenEventIds');
export const TRANSPORT_PRODUCER = Symbol('TransportProducer');
export const RATE_LIMITS = Symbol('TerminalRateLimits');

export interface TerminalSecrets {
  terminalSecret(terminalId: string): string | undefined;
}
