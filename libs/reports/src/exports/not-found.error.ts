/** What a download asked for does not exist (no statement issued for that day): answered 404 with its message. */
export class NotFoundError extends Error {
  readonly code = 'REPORTS.NOT_FOUND';
}
