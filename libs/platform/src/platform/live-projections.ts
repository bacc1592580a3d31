import type { EventStore } from '@posledger/event-store';
import { startProjections, type LiveProjectionControl, type Projection, type ReadStore, type RunningProjections } from '@posledger/read-store';

/** The platform's running projections (one subscription for all), which a rebuild of the views pauses and resumes. */
export class LiveProjections implements LiveProjectionControl {
  private running: RunningProjections | undefined;
  private unpaused: Promise<void> = Promise.resolve();
  private endPause: (() => void) | undefined;
  private pauses = 0;
  private stopped = false;

  constructor(
    private readonly eventStore: EventStore,
    private readonly readStore: ReadStore,
    readonly projections: readonly Projection[],
  ) {}

  async start(): Promise<void> {
    this.running = await startProjections(this.eventStore, this.readStore, this.projections, {
      onQuarantine: (event, error) =>
        process.stderr.write(`ALERT: event ${event.id} (position ${event.position}, ${event.type}) quarantined by the views: ${error.message}\n`),
    });
  }

  async pause(): Promise<void> {
    if (this.endPause || this.stopped) throw new Error('the live projections are not running');
    this.pauses++;
    this.unpaused = new Promise((resolve) => (this.endPause = resolve));
    await this.stopRunning();
  }

  async resume(): Promise<void> {
    try {
      if (!this.stopped) await this.start();
    } finally {
      this.endPause?.();
      this.endPause = undefined;
    }
  }

  /** Resolves once every projection has processed what the event store held when called (waiting out a pause). */
  async caughtUp(): Promise<void> {
    for (;;) {
      await this.unpaused;
      if (this.stopped) throw new Error('the live projections have stopped');
      const pauses = this.pauses;
      try {
        await this.running?.caughtUp();
        return;
      } catch (error) {
        // A pause stops the projections, which rejects their waits: wait for the resumed ones instead.
        if (this.pauses === pauses || this.stopped) throw error;
      }
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.endPause?.();
    await this.stopRunning();
  }

  private async stopRunning(): Promise<void> {
    const running = this.running;
    this.running = undefined;
    await running?.stop();
  }
}
