import { tx } from '@posledger/domain/testing';
import { counterDay, disputeDay, rowsOf } from '../testing/counter-day';
import { disputeRows, type DisputeRow } from './disputes.projection';

const pick = ({ dispute_id, transaction_id, status, method, amount, fee, reason }: DisputeRow) => ({ dispute_id, transaction_id, status, method, amount, fee, reason });

describe('disputes view', () => {
  it('given two disputes opened, one lost with a fee and one won, then a row for each opening and each resolution', () => {
    expect(rowsOf(disputeDay(), disputeRows).map(pick)).toEqual([
      { dispute_id: 'cb-1', transaction_id: tx(1), status: 'OPEN', method: 'CREDIT', amount: '10000', fee: '0', reason: 'fraud' },
      { dispute_id: 'cb-2', transaction_id: tx(2), status: 'OPEN', method: 'WECHAT_PAY', amount: '8000', fee: '0', reason: 'not received' },
      { dispute_id: 'cb-1', transaction_id: tx(1), status: 'LOST', method: 'CREDIT', amount: '10000', fee: '1500', reason: '' },
      { dispute_id: 'cb-2', transaction_id: tx(2), status: 'WON', method: 'WECHAT_PAY', amount: '8000', fee: '0', reason: '' },
    ]);
  });

  it('given a day without disputes, then no rows', () => {
    expect(rowsOf(counterDay(), disputeRows)).toEqual([]);
  });
});
