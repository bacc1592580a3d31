export class UsageError extends Error {
  readonly code = 'CLI.USAGE';
}
