import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** The factors V8 printed for the limits it set on the worker thread's heap after a full collection. */
function workerHeapFactors(percent: number): string[] {
  const child = spawnSync(
    process.execPath,
    ['--trace-gc-verbose', '--expose-gc', '--require', join(__dirname, '../../../testing/src/swc-register.js'), join(__dirname, 'testing/heap-growth.child.ts'), String(percent)],
    { encoding: 'utf8' },
  );
  if (child.status !== 0) throw new Error(`child failed: ${child.stderr}`);
  return [...child.stdout.matchAll(/\[HeapController\] Limit: .* \((\d+\.\d)\)$/gm)].map((match) => match[1]);
}

describe('heap growth limit', () => {
  it('sets the factor of a thread started after it to 1 + percent/100', () => {
    expect(workerHeapFactors(50)).toEqual(['1.5']);
    expect(workerHeapFactors(100)).toEqual(['2.0']);
  });

  it('leaves the factor to V8 at 0, which lets a busy heap grow further', () => {
    const factors = workerHeapFactors(0).map(Number);
    expect(factors).toHaveLength(1);
    expect(factors[0]).toBeGreaterThan(1.5);
  });
});
