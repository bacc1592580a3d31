export type RebuildPhase = 'replaying' | 'fencing' | 'comparing' | 'switching';

export interface RebuildProgress {
  /** replaying: into shadow views while the live ones run; fencing: live projections paused, both brought to one position. */
  readonly phase: RebuildPhase;
  /** The next event position the replayed views have reached. */
  readonly position: bigint;
  /** The event store's head when last read. */
  readonly head: bigint;
  readonly events: number;
  readonly elapsedMs: number;
  readonly eventsPerSecond: number;
  /** Seconds until the replay reaches the head at this rate; undefined before the first events. */
  readonly etaSeconds?: number;
}

/** Keeps a rebuild's progress and derives its rate and time to go. */
export class ProgressMeter {
  private readonly startedAt: number;
  private phase: RebuildPhase = 'replaying';
  private position = 0n;
  private head = 0n;
  private events = 0;

  constructor(private readonly now: () => number) {
    this.startedAt = now();
  }

  enter(phase: RebuildPhase): void {
    this.phase = phase;
  }

  sawHead(head: bigint): void {
    this.head = head > this.head ? head : this.head;
  }

  projected(position: bigint, events: number): void {
    this.position = position;
    this.events += events;
    this.sawHead(position);
  }

  current(): RebuildProgress {
    const elapsedMs = Math.max(0, this.now() - this.startedAt);
    const eventsPerSecond = elapsedMs > 0 ? Math.round((this.events * 1000) / elapsedMs) : 0;
    const remaining = Number(this.head - this.position);
    return {
      phase: this.phase,
      position: this.position,
      head: this.head,
      events: this.events,
      elapsedMs,
      eventsPerSecond,
      etaSeconds: eventsPerSecond > 0 ? Math.ceil(remaining / eventsPerSecond) : undefined,
    };
  }
}
