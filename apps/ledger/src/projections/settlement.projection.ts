import type { RecordedEvent } from '@posledger/event-store';
import { toClickHouseDateTime, type Projection } from '@posledger/read-store';
import { metadataString } from './ledger-event-of';

/** One row per closed batch with both sides' totals and the reconciliation outcome. */
export const settlementProjection: Projection = {
  name: 'settlements',
  tables: ['settlement_batches'],
  project(events: readonly RecordedEvent[]) {
    const rows = events
      .filter((recorded) => recorded.type === 'BatchClosed' && recorded.streamId.startsWith('terminal-'))
      .map((recorded) => {
        const data = recorded.data as {
          batchNumber: number;
          closedAt: string;
          status: string;
          terminalTotals: unknown;
          ledgerTotals: unknown;
          differences: unknown;
          fees: unknown;
        };
        return {
          merchant_id: metadataString(recorded, 'merchantId'),
          terminal_id: metadataString(recorded, 'terminalId'),
          batch_number: data.batchNumber,
          closed_at: toClickHouseDateTime(data.closedAt),
          status: data.status,
          terminal_totals: JSON.stringify(data.terminalTotals),
          ledger_totals: JSON.stringify(data.ledgerTotals),
          differences: JSON.stringify(data.differences),
          fees: JSON.stringify(data.fees),
          recorded_at: toClickHouseDateTime(recorded.recordedAt),
          position: recorded.position.toString(),
        };
      });
    return { settlement_batches: rows };
  },
};
