import { tx } from '@posledger/domain/testing';
import { counterDay, only, rowsOf } from '../testing/counter-day';
import { ledgerEventRows } from './ledger-events.projection';

describe('ledger events view (a sale’s history)', () => {
  const day = counterDay();
  const rows = rowsOf(day, ledgerEventRows);
  const historyOf = (transactionId: string) => rows.filter((row) => row.transaction_id === transactionId).map((row) => row.type);

  it('given the day, then a sale’s history holds its terminal events and ledger decisions, a void and a refund under the original too', () => {
    expect(historyOf(tx(2))).toEqual([
      'TerminalEventRecorded', 'SaleDetailsCaptured', 'TerminalEventRecorded', 'SaleDetailsCaptured', 'TerminalEventRecorded', 'SaleDetailsCaptured',
      'TerminalEventRecorded', 'AuthorizationRequested', 'TerminalEventRecorded', 'SaleApproved', 'TerminalEventRecorded', 'SaleVoided',
    ]);
    expect(historyOf(tx(1))).toContain('BatchClosed');
    expect(historyOf(tx(1)).slice(-2)).toEqual(['TerminalEventRecorded', 'RefundApproved']);
    expect(historyOf(tx(10))).toEqual(['TerminalEventRecorded', 'RefundApproved']);
  });

  it('given events of no sale (sign-in), then no row', () => {
    expect(rowsOf(only(day, 'OperatorSignedIn'), ledgerEventRows)).toEqual([]);
  });

  it('given a batch close, then each settled sale’s row holds the batch header and its own line only', () => {
    const [batch] = only(day, 'BatchClosed');
    const [row, ...more] = rowsOf([batch], ledgerEventRows);

    expect(more).toEqual([]);
    expect(JSON.parse(row.data)).toEqual({
      terminalEventId: batch.data.terminalEventId,
      terminalId: 't-1',
      merchantId: 'm-1',
      batchNumber: 1,
      closedAt: batch.data.closedAt,
      status: 'MATCHED',
      sequenceGaps: batch.data.sequenceGaps,
      sale: batch.data.sales[0],
    });
  });

  it('given any other event, then its data is stored as it is', () => {
    const [sale] = only(day, 'SaleApproved');
    expect(JSON.parse(rowsOf([sale], ledgerEventRows)[0].data)).toEqual(sale.data);
  });
});
