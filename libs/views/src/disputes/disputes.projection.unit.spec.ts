import { tx } from '@posledger/domain/testing';
import { counterDay, disputeDay, rowsOf } from '../testing/counter-day';
import { disputeRows, type DisputeRow } from './disputes.projection';

const pick = ({ dispute_id, transaction_id, status, method, amount, fee, reason, evidence }: DisputeRow) => ({ dispute_id, transaction_id, status, method, amount, fee, reason, evidence });

describe('disputes view', () => {
  it('given two disputes opened, one lost with a fee and one answered with evidence and won, then a row for each opening, evidence and resolution', () => {
    expect(rowsOf(disputeDay(), disputeRows).map(pick)).toEqual([
      { dispute_id: 'cb-1', transaction_id: tx(1), status: 'OPEN', method: 'CREDIT', amount: '10000', fee: '0', reason: 'fraud', evidence: '' },
      { dispute_id: 'cb-2', transaction_id: tx(2), status: 'OPEN', method: 'WECHAT_PAY', amount: '8000', fee: '0', reason: 'not received', evidence: '' },
      { dispute_id: 'cb-2', transaction_id: tx(2), status: 'EVIDENCE', method: '', amount: '0', fee: '0', reason: '', evidence: 'delivery note DN-7' },
      { dispute_id: 'cb-1', transaction_id: tx(1), status: 'LOST', method: 'CREDIT', amount: '10000', fee: '1500', reason: '', evidence: '' },
      { dispute_id: 'cb-2', transaction_id: tx(2), status: 'WON', method: 'WECHAT_PAY', amount: '8000', fee: '0', reason: '', evidence: '' },
    ]);
  });

  it('given a day without disputes, then no rows', () => {
    expect(rowsOf(counterDay(), disputeRows)).toEqual([]);
  });
});
