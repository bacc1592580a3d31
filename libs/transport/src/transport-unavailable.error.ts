/** The transport could not take a batch now (broker down, timed out, store closed); the caller may retry later. */
export class TransportUnavailableError extends Error {
  readonly code = 'TRANSPORT.UNAVAILABLE';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TransportUnavailableError';
  }
}
