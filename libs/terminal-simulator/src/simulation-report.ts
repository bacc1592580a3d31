// What a simulation run hands back: JSON-serialisable (money as decimal strings of minor units).
import { MerchantTotals } from './simulator-totals';

export interface SimulationFailure {
  readonly terminalId: string;
  readonly merchantId: string;
  readonly firstSequence: number;
  readonly lastSequence: number;
  readonly eventCount: number;
  /** HTTP status of the last attempt; null when the network failed. */
  readonly status: number | null;
  /** The error body (or network error) of the last attempt. */
  readonly error: string;
  readonly attempts: number;
}

export interface SimulationProgress {
  readonly eventsSent: number;
  readonly batchesAccepted: number;
  readonly duplicates: number;
  readonly failures: number;
  readonly elapsedMs: number;
}

export interface SimulationReport {
  readonly seed: number;
  /** Events in batches the platform accepted (202), each counted once however often it was resent. */
  readonly eventsSent: number;
  readonly batchesAccepted: number;
  /** Events the platform reported as already taken (a resend after a lost answer). */
  readonly duplicates: number;
  readonly failures: readonly SimulationFailure[];
  readonly elapsedMs: number;
  readonly eventsPerSecond: number;
  /** The simulator's books per merchant id, from accepted events only. */
  readonly totals: Record<string, MerchantTotals>;
  /** Where each terminal's script stopped: pass these as firstSequence / firstBatchNumber to continue it. */
  readonly terminals: Record<string, { nextSequence: number; nextBatchNumber: number }>;
}
