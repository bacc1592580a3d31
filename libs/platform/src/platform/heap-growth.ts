import { setFlagsFromString } from 'node:v8';

/**
 * Caps how far each thread's heap may grow past what its last full collection kept (V8's --heap-growing-percent;
 * 0 gives V8 its own factor back). V8 reads the flag each time it sets a heap's next limit, so it holds for every
 * thread of the process from their next collection on.
 */
export function limitHeapGrowth(percent: number): void {
  setFlagsFromString(`--heap-growing-percent=${percent}`);
}
