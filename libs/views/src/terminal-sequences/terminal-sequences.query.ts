import { fromClickHouseDateTime, type ReadStore } from '@posledger/read-store';

/** A sequence gap the ledger skipped after waiting for it (invariant 9). */
export interface SkippedSequenceGap {
  readonly from: number;
  readonly to: number;
  readonly reason: string;
  readonly skippedAt: string;
}

/** Where a terminal's event sequence stands: events held behind an open gap, gaps skipped. */
export interface TerminalSequence {
  readonly terminalId: string;
  readonly nextSequence: number;
  readonly parkedCount: number;
  readonly waitingSince: string | null;
  readonly skippedGaps: number;
  readonly skippedSequences: number;
  readonly lastSkippedGap: SkippedSequenceGap | null;
}

interface SequenceRow {
  terminal_id: string;
  next: number;
  parked: string;
  since: string;
  gaps: string;
  skipped: string;
  last_from: number;
  last_to: number;
  last_reason: string;
  last_at: string;
}

/** Terminals that ever held an event behind a gap, with their open gap and the gaps skipped. */
export async function queryTerminalSequences(store: ReadStore, merchantId: string): Promise<TerminalSequence[]> {
  const rows = await store.select<SequenceRow>(
    `SELECT terminal_id, argMax(next_sequence, position) AS next, toString(sum(parked_delta)) AS parked,
       argMaxIf(waiting_since, position, kind = 'PARKED') AS since,
       toString(countIf(kind = 'SKIPPED')) AS gaps, toString(sumIf(toUInt64(skipped_to) - skipped_from + 1, kind = 'SKIPPED')) AS skipped,
       argMaxIf(skipped_from, position, kind = 'SKIPPED') AS last_from, argMaxIf(skipped_to, position, kind = 'SKIPPED') AS last_to,
       toString(argMaxIf(skip_reason, position, kind = 'SKIPPED')) AS last_reason, argMaxIf(skipped_at, position, kind = 'SKIPPED') AS last_at
     FROM terminal_sequences WHERE merchant_id = {merchantId:String}
     GROUP BY terminal_id ORDER BY terminal_id`,
    { merchantId },
  );
  return rows.map((row) => {
    const parkedCount = Number(row.parked);
    const skippedGaps = Number(row.gaps);
    return {
      terminalId: row.terminal_id,
      nextSequence: row.next,
      parkedCount,
      waitingSince: parkedCount > 0 ? fromClickHouseDateTime(row.since) : null,
      skippedGaps,
      skippedSequences: Number(row.skipped),
      lastSkippedGap: skippedGaps > 0
        ? { from: row.last_from, to: row.last_to, reason: row.last_reason, skippedAt: fromClickHouseDateTime(row.last_at) }
        : null,
    };
  });
}

/** Every terminal of any merchant holding parked events now: what the ledger's gap sweeper starts from. */
export async function terminalsHoldingParkedEvents(store: ReadStore): Promise<string[]> {
  const rows = await store.select<{ terminal_id: string }>(
    'SELECT terminal_id FROM terminal_sequences GROUP BY terminal_id HAVING sum(parked_delta) > 0',
  );
  return rows.map((row) => row.terminal_id);
}
