import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Bytes a file or directory tree takes on disk (allocated blocks, so a sparse file counts what it holds). An entry
 * removed while the tree is walked (chDB's merges come and go) counts nothing.
 */
export function diskUsage(path: string): number {
  const stat = lstatSync(path, { throwIfNoEntry: false });
  if (stat === undefined) return 0;
  const own = stat.blocks * 512;
  return stat.isDirectory() ? entries(path).reduce((sum, name) => sum + diskUsage(join(path, name)), own) : own;
}

function entries(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** Each entry of a directory with the bytes it takes on disk. */
export function diskUsageByEntry(dir: string): Map<string, number> {
  return new Map(readdirSync(dir).map((name) => [name, diskUsage(join(dir, name))]));
}
