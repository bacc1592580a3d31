export interface ViewComparison {
  /** The live table. */
  readonly view: string;
  readonly projection: string;
  readonly liveRows: number;
  readonly replayedRows: number;
  readonly liveChecksum: string;
  readonly replayedChecksum: string;
  readonly equal: boolean;
}

export interface RebuildReport {
  /** The event position both the live and the replayed views had reached when compared. */
  readonly position: bigint;
  /** Events the replay projected. */
  readonly events: number;
  readonly durationMs: number;
  readonly eventsPerSecond: number;
  readonly views: readonly ViewComparison[];
  /** Every view's rows and checksum equal its replay's. */
  readonly equal: boolean;
  /** The replayed views replaced the live ones: when equal, or when forced. */
  readonly switched: boolean;
}
