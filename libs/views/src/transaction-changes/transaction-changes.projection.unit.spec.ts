import { tx } from '@posledger/domain/testing';
import { counterDay, holdDay, offlineDay, rowsOf } from '../testing/counter-day';
import { transactionChangeRows, type TransactionChangeRow } from './transaction-changes.projection';

const pick = ({ transaction_id, status, amount, refunded, masked_pan, operator_id }: TransactionChangeRow) => ({ transaction_id, status, amount, refunded, masked_pan, operator_id });

describe('transaction changes view', () => {
  it('given the day, then each sale’s status changes in order, and a refund adds to the original sale’s refunded sum; the sale’s row names its operator', () => {
    expect(rowsOf(counterDay(), transactionChangeRows).map(pick)).toEqual([
      { transaction_id: tx(1), status: 'APPROVED', amount: '10000', refunded: '0', masked_pan: '622588******1234', operator_id: 'op-1' },
      { transaction_id: tx(2), status: 'APPROVED', amount: '5000', refunded: '0', masked_pan: '', operator_id: 'op-1' },
      { transaction_id: tx(3), status: 'DECLINED', amount: '700', refunded: '0', masked_pan: '', operator_id: '' },
      { transaction_id: tx(4), status: 'REVERSED', amount: '900', refunded: '0', masked_pan: '', operator_id: '' },
      { transaction_id: tx(2), status: 'VOIDED', amount: '5000', refunded: '0', masked_pan: '', operator_id: '' },
      { transaction_id: tx(1), status: 'SETTLED', amount: '10000', refunded: '0', masked_pan: '', operator_id: '' },
      { transaction_id: tx(1), status: '', amount: '0', refunded: '2500', masked_pan: '', operator_id: '' },
    ]);
  });

  it('given offline sales, then +1 offline on each approval and -1 on the host answer: confirmed (a row of its own) or OFFLINE_DECLINED', () => {
    const rows = rowsOf(offlineDay(), transactionChangeRows).filter((row) => row.offline !== 0);
    expect(rows.map(({ transaction_id, status, offline }) => ({ transaction_id, status, offline }))).toEqual([
      { transaction_id: tx(1), status: 'APPROVED', offline: 1 },
      { transaction_id: tx(2), status: 'APPROVED', offline: 1 },
      { transaction_id: tx(3), status: 'APPROVED', offline: 1 },
      { transaction_id: tx(1), status: '', offline: -1 },
      { transaction_id: tx(2), status: 'OFFLINE_DECLINED', offline: -1 },
      { transaction_id: tx(3), status: 'OFFLINE_DECLINED', offline: -1 },
    ]);
  });

  it('given pre-authorisations, then a HELD row with the held amount and its expiry, then APPROVED for what the completion sold, or RELEASED', () => {
    const rows = rowsOf(holdDay(), transactionChangeRows);
    expect(rows.map(({ transaction_id, status, amount, hold_expires_at }) => ({ transaction_id, status, amount, expires: !hold_expires_at.startsWith('1970') }))).toEqual([
      { transaction_id: tx(1), status: 'HELD', amount: '80000', expires: true },
      { transaction_id: tx(2), status: 'HELD', amount: '30000', expires: true },
      { transaction_id: tx(1), status: 'APPROVED', amount: '92000', expires: false },
      { transaction_id: tx(2), status: 'RELEASED', amount: '30000', expires: false },
    ]);
  });
});
