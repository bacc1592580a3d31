/** Each terminal's ledger is one stream of the event store, named after the terminal. */
const TERMINAL_STREAM_PREFIX = 'terminal-';

export const terminalStream = (terminalId: string): string => `${TERMINAL_STREAM_PREFIX}${terminalId}`;

export const isTerminalStream = (streamId: string): boolean => streamId.startsWith(TERMINAL_STREAM_PREFIX);
