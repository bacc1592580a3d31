import type { RecordedEvent } from '@posledger/event-store';
import type { Projection } from '@posledger/read-store';
import { ledgerEventRows } from './ledger-event-rows';
import { merchantRows } from './merchant-rows';
import { salesFactRows } from './sales-fact-rows';
import { terminalSequenceRows } from './terminal-sequence-rows';
import { transactionChangeRows } from './transaction-change-rows';

const metadata = (recorded: RecordedEvent, key: string): string => {
  const value = recorded.metadata[key];
  return typeof value === 'string' ? value : '';
};

/** Sales facts, transaction status changes, sale histories, terminals' sequence gaps and merchants, from the whole log. */
export const reportsProjection: Projection = {
  name: 'reports',
  tables: ['sales_facts', 'transaction_changes', 'ledger_events', 'merchants', 'terminal_sequences'],
  project(events: readonly RecordedEvent[]) {
    const rows: Record<string, Record<string, unknown>[]> = { sales_facts: [], transaction_changes: [], ledger_events: [], merchants: [], terminal_sequences: [] };
    for (const recorded of events) {
      if (recorded.streamId === 'registry') {
        rows.merchants.push(...merchantRows(recorded));
        continue;
      }
      if (!recorded.streamId.startsWith('terminal-')) continue;
      const merchantId = metadata(recorded, 'merchantId');
      const terminalId = metadata(recorded, 'terminalId');
      rows.sales_facts.push(...salesFactRows(recorded, merchantId, terminalId));
      rows.transaction_changes.push(...transactionChangeRows(recorded, merchantId, terminalId));
      rows.ledger_events.push(...ledgerEventRows(recorded, merchantId, terminalId));
      rows.terminal_sequences.push(...terminalSequenceRows(recorded, merchantId, terminalId));
    }
    return rows;
  },
};
