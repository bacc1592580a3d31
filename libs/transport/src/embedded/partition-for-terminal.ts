const FNV_OFFSET_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Stable across processes and versions (FNV-1a over UTF-8): a terminal's messages always land in one partition. */
export function partitionForTerminal(terminalId: string, partitions: number): number {
  let hash = FNV_OFFSET_BASIS;
  for (const byte of Buffer.from(terminalId, 'utf8')) {
    hash = Math.imul(hash ^ byte, FNV_PRIME) >>> 0;
  }
  return hash % partitions;
}
