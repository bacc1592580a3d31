/** The hash of a stream's event at a revision: a fact that never changes once the event is stored. */
export interface ChainTip {
  readonly revision: bigint;
  readonly hash: string;
}

/** Last known tip per stream, least recently used streams forgotten first. */
export class ChainTips {
  private readonly tips = new Map<string, ChainTip>();

  constructor(private readonly capacity: number) {}

  at(streamId: string, revision: bigint): ChainTip | undefined {
    const tip = this.tips.get(streamId);
    return tip?.revision === revision ? tip : undefined;
  }

  /** Keeps the later of the known tip and this one (an idempotent retry may report an older revision). */
  remember(streamId: string, tip: ChainTip): void {
    const known = this.tips.get(streamId);
    if (known && known.revision > tip.revision) return;
    this.tips.delete(streamId);
    this.tips.set(streamId, tip);
    if (this.tips.size > this.capacity) this.tips.delete(this.tips.keys().next().value as string);
  }

  forget(streamId: string): void {
    this.tips.delete(streamId);
  }
}
