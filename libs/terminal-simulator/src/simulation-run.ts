// The state all terminal loops of one run share: stop conditions, event budget, counters, books.
import { SimulationFailure, SimulationProgress } from './simulation-report';
import { SimulatorBooks } from './simulator-totals';
import { TerminalEvent } from './terminal-event';

export interface SimulationLimits {
  readonly deadlineMs: number | null;
  readonly maxEvents: number | null;
  /** Ends generation as soon as it holds, checked before each flow. */
  readonly stopWhen?: () => boolean;
}

export class SimulationRun {
  readonly books = new SimulatorBooks();
  readonly failures: SimulationFailure[] = [];
  eventsSent = 0;
  batchesAccepted = 0;
  duplicates = 0;
  private eventsGenerated = 0;
  private budgetExhausted = false;

  constructor(
    readonly startedAtMs: number,
    private readonly limits: SimulationLimits,
    private readonly clock: () => number,
    private readonly onProgress?: (progress: SimulationProgress) => void,
  ) {}

  get hasEventBudget(): boolean {
    return this.limits.maxEvents !== null;
  }

  get deadlineMs(): number | null {
    return this.limits.deadlineMs;
  }

  nowMs(): number {
    return this.clock();
  }

  /** True once no terminal should start a new flow: the duration passed, the event budget ran out, or `stopWhen` holds. */
  generationOver(): boolean {
    return this.budgetExhausted || (this.limits.deadlineMs !== null && this.clock() >= this.limits.deadlineMs) || (this.limits.stopWhen?.() ?? false);
  }

  /** Claims room for a whole flow; the first refusal ends generation for every terminal. */
  tryReserve(eventCount: number): boolean {
    if (this.limits.maxEvents !== null && this.eventsGenerated + eventCount > this.limits.maxEvents) {
      this.budgetExhausted = true;
      return false;
    }
    this.eventsGenerated += eventCount;
    return true;
  }

  recordAccepted(terminalId: string, batch: readonly TerminalEvent[], duplicates: number): void {
    this.books.recordAccepted(terminalId, batch);
    this.eventsSent += batch.length;
    this.batchesAccepted += 1;
    this.duplicates += duplicates;
    this.reportProgress();
  }

  recordFailure(failure: SimulationFailure): void {
    this.failures.push(failure);
    this.reportProgress();
  }

  elapsedMs(): number {
    return this.clock() - this.startedAtMs;
  }

  private reportProgress(): void {
    this.onProgress?.({
      eventsSent: this.eventsSent,
      batchesAccepted: this.batchesAccepted,
      duplicates: this.duplicates,
      failures: this.failures.length,
      elapsedMs: this.elapsedMs(),
    });
  }
}
