// Seeded mulberry32: the simulator's only source of randomness, so a seed replays a terminal exactly.

const UINT32_RANGE = 0x1_0000_0000;

export class Prng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** The whole generator state; `restore` of it replays the same numbers. */
  snapshot(): number {
    return this.state;
  }

  restore(state: number): void {
    this.state = state >>> 0;
  }

  nextUint32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / UINT32_RANGE;
  }

  /** Uniform integer in [min, max], both inclusive. */
  intBetween(min: number, max: number): number {
    if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || max < min) {
      throw new RangeError(`invalid integer range [${min}, ${max}]`);
    }
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('cannot pick from an empty list');
    return items[this.intBetween(0, items.length - 1)] as T;
  }

  /** Picks by relative weight; weights need not sum to 1. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
    let point = this.next() * total;
    for (const [choice, weight] of choices) {
      if (point < weight) return choice;
      point -= weight;
    }
    const last = choices[choices.length - 1];
    if (last === undefined) throw new RangeError('cannot pick from an empty list');
    return last[0];
  }
}

/** A per-terminal seed from the run seed, so each terminal's script is independent of scheduling order. */
export function terminalSeed(runSeed: number, terminalId: string): number {
  let hash = 0x811c9dc5 ^ (runSeed >>> 0);
  for (let i = 0; i < terminalId.length; i++) {
    hash ^= terminalId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
