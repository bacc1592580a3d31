export class ExpectedVersionConflictError extends Error {
  readonly code = 'EVENT_STORE.EXPECTED_VERSION_CONFLICT';

  constructor(
    readonly streamId: string,
    readonly expected: string,
    readonly actual: string,
  ) {
    super(`stream ${streamId}: expected revision ${expected}, actual ${actual}`);
    this.name = 'ExpectedVersionConflictError';
  }
}
