export const TERMINAL_DIRECTORY = Symbol('TerminalDirectory');
export const TERMINAL_SECRETS = Symbol('TerminalSecrets');
export const SEEN_EVENT_IDS = Symbol('SeenEventIds');
export const TRANSPORT_PRODUCER = Symbol('TransportProducer');
export const RATE_LIMITS = Symbol('TerminalRateLimits');
