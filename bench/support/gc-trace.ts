// The heap each JavaScript thread of a child process keeps, read from its `--trace-gc` lines: every line names its
// isolate (one per thread), and a full collection (Mark-Compact) prints the heap left after it (live) and the heap
// V8 keeps committed for it.

const GC_LINE = /^\[\d+:(0x[0-9a-f]+)\]\s+[\d.]+ ms: (\S+) [\d.]+ \([\d.]+\) -> ([\d.]+) \(([\d.]+)\)/;

export interface ThreadHeap {
  /** MiB left after the latest full collection. */
  readonly live: number;
  /** MiB V8 kept committed for the heap after it. */
  readonly committed: number;
}

const NOT_YET: ThreadHeap = { live: Number.NaN, committed: Number.NaN };

export class GcTrace {
  private partial = '';
  /** Each isolate's heap after its latest full collection (NaN before its first), in the order the isolates first collected. */
  private readonly latest = new Map<string, ThreadHeap>();

  /** Takes a chunk of the child's stdout; returns the text of the lines that were not GC lines. */
  read(chunk: string): string {
    const lines = (this.partial + chunk).split('\n');
    this.partial = lines.pop() ?? '';
    return lines.filter((line) => !this.take(line)).map((line) => `${line}\n`).join('');
  }

  /** Per isolate, the main thread's first (it collects before any worker starts). */
  heaps(): readonly ThreadHeap[] {
    return [...this.latest.values()];
  }

  private take(line: string): boolean {
    const match = GC_LINE.exec(line);
    if (!match) return false;
    const [, isolate, kind, live, committed] = match;
    if (!this.latest.has(isolate)) this.latest.set(isolate, NOT_YET);
    if (kind === 'Mark-Compact') this.latest.set(isolate, { live: Number(live), committed: Number(committed) });
    return true;
  }
}
