// Follows the event store's global log (LMDB, opened next to the ledger's process) and sees each terminal event
// the ledger records: how many, and when a given one was committed.
import { join } from 'node:path';
import { createLmdbEventStore, type EventStore } from '@posledger/event-store';

const PAGE = 5_000;
const IDLE_POLL_MS = 5;

export class RecordedWatcher {
  recorded = 0;
  private readonly awaited = new Map<string, (recordedAtMs: number) => void>();
  private readonly countWaiters: { count: number; resolve: () => void }[] = [];
  private stopped = false;
  private readonly loop: Promise<void>;

  private constructor(
    private readonly store: EventStore,
    from: bigint,
  ) {
    this.loop = this.follow(from);
  }

  /** Watches from the current head: what is recorded from now on. */
  static async open(dataDir: string): Promise<RecordedWatcher> {
    const store = await createLmdbEventStore({ path: join(dataDir, 'event-store') });
    return new RecordedWatcher(store, await store.headPosition());
  }

  /** Resolves with the commit instant (ms) of the terminal event's TerminalEventRecorded; call before sending it. */
  whenRecorded(eventId: string): Promise<number> {
    return new Promise((resolve) => this.awaited.set(eventId, resolve));
  }

  untilRecorded(count: number): Promise<void> {
    if (this.recorded >= count) return Promise.resolve();
    return new Promise((resolve) => this.countWaiters.push({ count, resolve }));
  }

  async close(): Promise<void> {
    this.stopped = true;
    await this.loop;
    await this.store.close();
  }

  private async follow(from: bigint): Promise<void> {
    let next = from;
    while (!this.stopped) {
      const page = await this.store.readAll({ fromPosition: next, maxCount: PAGE });
      for (const event of page) {
        if (event.type !== 'TerminalEventRecorded') continue;
        this.recorded += 1;
        const { eventId } = event.data.event as { eventId: string };
        this.awaited.get(eventId)?.(Date.parse(event.recordedAt));
        this.awaited.delete(eventId);
      }
      if (page.length > 0) next = page[page.length - 1].position + 1n;
      this.releaseCountWaiters();
      if (page.length < PAGE) await new Promise((resolve) => setTimeout(resolve, IDLE_POLL_MS));
    }
  }

  private releaseCountWaiters(): void {
    for (const waiter of [...this.countWaiters]) {
      if (this.recorded < waiter.count) continue;
      this.countWaiters.splice(this.countWaiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  }
}
