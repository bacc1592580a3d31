import { setFlagsFromString } from 'node:v8';

/**
 * Caps how far each thread's heap may grow past what its last full collection kept (V8's --heap-growing-percent);
 * 0 leaves V8's own factor. V8 reads the flag each time it sets a heap's next limit, so it holds for every thread of
 * the process from their next collection on.
 */
export function limitHeapGrowth(percent: number): void {
  if (percent > 0) setFlagsFromString(`--heap-growing-percent=${percent}`);
}

/** What `limitHeapGrowth` did with this setting, for a bench's report. */
export function heapGrowthLabel(percent: number): string {
  return `heap growth: ${percent > 0 ? `capped at ${percent}%` : "V8's own"} (POSLEDGER_HEAP_GROWTH_PERCENT)`;
}
