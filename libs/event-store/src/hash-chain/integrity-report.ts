export type IntegrityProblemKind = 'ALTERED' | 'REMOVED' | 'INSERTED' | 'ANCHOR_MISMATCH' | 'UNCHAINED';

export interface IntegrityProblem {
  readonly kind: IntegrityProblemKind;
  readonly streamId: string;
  readonly revision: bigint;
  readonly position: bigint;
  readonly detail: string;
}

export interface IntegrityReport {
  readonly ok: boolean;
  readonly eventsChecked: number;
  readonly streamsChecked: number;
  readonly anchorsChecked: number;
  /** The problem at the lowest log position (the one to look at first); absent when ok. */
  readonly firstProblem?: IntegrityProblem;
}
