/** The platform refused or failed the replay; code is its GraphQL error code (e.g. REPORTS.REPLAY_IN_PROGRESS). */
export class PlatformReplayError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'PlatformReplayError';
  }
}
