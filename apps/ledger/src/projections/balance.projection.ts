import { postingsFor } from '@posledger/domain';
import type { RecordedEvent } from '@posledger/event-store';
import { toClickHouseDateTime, type Projection } from '@posledger/read-store';
import { ledgerEventOf, metadataString } from './ledger-event-of';

/** Double-entry postings of every ledger event: the balance view is their sum per merchant, currency and account. */
export const balanceProjection: Projection = {
  name: 'balances',
  tables: ['postings'],
  project(events: readonly RecordedEvent[]) {
    const rows: Record<string, unknown>[] = [];
    for (const recorded of events) {
      const event = ledgerEventOf(recorded);
      if (!event) continue;
      const data = recorded.data as { transactionId?: string; refundId?: string; occurredAt?: string; closedAt?: string };
      postingsFor(event).forEach((posting, entry) => {
        const minor = posting.amount.amountMinor.toString();
        rows.push({
          merchant_id: metadataString(recorded, 'merchantId'),
          terminal_id: metadataString(recorded, 'terminalId'),
          currency: posting.amount.currency,
          account: posting.account,
          debit: posting.side === 'DEBIT' ? minor : '0',
          credit: posting.side === 'CREDIT' ? minor : '0',
          transaction_id: data.refundId ?? data.transactionId ?? '',
          event_type: recorded.type,
          occurred_at: toClickHouseDateTime(data.occurredAt ?? data.closedAt ?? recorded.recordedAt),
          recorded_at: toClickHouseDateTime(recorded.recordedAt),
          position: recorded.position.toString(),
          entry,
        });
      });
    }
    return { postings: rows };
  },
};
