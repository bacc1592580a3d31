/** An argument the client got wrong: answered with its message and logged as one warn line. */
export class InvalidArgumentError extends Error {
  readonly code = 'REPORTS.INVALID_ARGUMENT';
}
