import { counterDay, only, rowsOf } from '../testing/counter-day';
import { settlementBatchRows } from './settlement-batches.projection';

describe('settlement batches view', () => {
  const day = counterDay();

  it('given a batch close, then one row with both sides’ totals, the outcome and the fees', () => {
    const [row, ...more] = rowsOf(only(day, 'BatchClosed'), settlementBatchRows);

    expect(more).toEqual([]);
    expect(row).toEqual({
      merchant_id: 'm-1',
      terminal_id: 't-1',
      batch_number: 1,
      closed_at: expect.stringMatching(/^2026-11-23 /),
      status: 'MATCHED',
      terminal_totals: JSON.stringify([{ method: 'DEBIT', currency: 'CNY', count: 1, minor: '10000' }]),
      ledger_totals: JSON.stringify([{ method: 'DEBIT', currency: 'CNY', count: 1, minor: '10000' }]),
      differences: '[]',
      fees: JSON.stringify([{ currency: 'CNY', minor: '50' }]),
      recorded_at: '2026-11-23 03:00:00.000',
      position: '0',
    });
  });

  it('given any other event, then no row', () => {
    expect(rowsOf(day.filter((event) => event.type !== 'BatchClosed'), settlementBatchRows)).toEqual([]);
  });
});
