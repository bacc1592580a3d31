export interface Migration {
  /** A positive integer; pending migrations are applied in ascending order. */
  readonly version: number;
  /** Recorded with the version; a recorded name that differs from the code's stops the run. */
  readonly name: string;
  /** Each statement must be safe to run again (IF NOT EXISTS), in case a run stopped half-way. */
  readonly statements: readonly string[];
}
