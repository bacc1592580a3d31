// The heap each JavaScript thread of a child process keeps, read from its `--trace-gc` lines: every line names its
// isolate (one per thread), and a full collection (Mark-Compact) prints the heap left after it, the live heap.

const GC_LINE = /^\[\d+:(0x[0-9a-f]+)\]\s+[\d.]+ ms: (\S+) [\d.]+ \([\d.]+\) -> ([\d.]+) \(/;

export class GcTrace {
  private partial = '';
  /** MiB after each isolate's latest full collection; NaN before its first. In the order the isolates first collected. */
  private readonly live = new Map<string, number>();

  /** Takes a chunk of the child's stdout; returns the text of the lines that were not GC lines. */
  read(chunk: string): string {
    const lines = (this.partial + chunk).split('\n');
    this.partial = lines.pop() ?? '';
    return lines.filter((line) => !this.take(line)).map((line) => `${line}\n`).join('');
  }

  /** Heap after the latest full collection per isolate, MiB; the first is the main thread's (it collects before any worker starts). */
  heaps(): readonly number[] {
    return [...this.live.values()];
  }

  private take(line: string): boolean {
    const match = GC_LINE.exec(line);
    if (!match) return false;
    const [, isolate, kind, after] = match;
    if (!this.live.has(isolate)) this.live.set(isolate, Number.NaN);
    if (kind === 'Mark-Compact') this.live.set(isolate, Number(after));
    return true;
  }
}
