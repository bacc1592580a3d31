import { replay, TerminalScript, tx } from '@posledger/domain/testing';
import { counterDay, disputeDay, DISPUTE_LOST_AT, holdDay, offlineDay, only, rowsOf } from '../testing/counter-day';
import { salesFactRows, type SalesFactRow } from './sales-facts.projection';

const pick = ({ transaction_id, kind, method, amount, sale_count, entry }: SalesFactRow) => ({ transaction_id, kind, method, amount, sale_count, entry });

describe('sales facts view', () => {
  const day = counterDay();

  it('given the day, then a SALE per approved sale, a VOID, a FEE per settled sale and a REFUND on the original sale', () => {
    expect(rowsOf(day, salesFactRows).map(pick)).toEqual([
      { transaction_id: tx(1), kind: 'SALE', method: 'DEBIT', amount: '10000', sale_count: 1, entry: 0 },
      { transaction_id: tx(2), kind: 'SALE', method: 'WECHAT_PAY', amount: '5000', sale_count: 1, entry: 0 },
      { transaction_id: tx(2), kind: 'VOID', method: 'WECHAT_PAY', amount: '5000', sale_count: -1, entry: 0 },
      { transaction_id: tx(1), kind: 'FEE', method: 'DEBIT', amount: '50', sale_count: 0, entry: 0 },
      { transaction_id: tx(1), kind: 'REFUND', method: 'DEBIT', amount: '2500', sale_count: 0, entry: 0 },
    ]);
  });

  it('given a void, then it counts at the sale’s time; given a refund, at the refund’s own time', () => {
    const [sale] = only(day, 'SaleApproved').filter((event) => event.data.transactionId === tx(2));
    const [voided] = only(day, 'SaleVoided');
    const [refund] = only(day, 'RefundApproved');
    const [voidRow] = rowsOf([voided], salesFactRows);
    const [refundRow] = rowsOf([refund], salesFactRows);

    expect(voidRow.occurred_at).toBe(rowsOf([sale], salesFactRows)[0].occurred_at);
    expect(voided.data.occurredAt).not.toBe(sale.data.occurredAt);
    expect(refundRow.occurred_at).toBe(refund.data.occurredAt.replace('T', ' ').replace('Z', ''));
  });

  it('given offline sales the host declined, then an OFFLINE_DECLINED of what each still stood for; one declined before its batch closed leaves the open batch (-1)', () => {
    expect(rowsOf(offlineDay(), salesFactRows).map(pick).filter((row) => row.kind === 'OFFLINE_DECLINED')).toEqual([
      { transaction_id: tx(2), kind: 'OFFLINE_DECLINED', method: 'CREDIT', amount: '2200', sale_count: -1, entry: 0 },
      { transaction_id: tx(3), kind: 'OFFLINE_DECLINED', method: 'CREDIT', amount: '3000', sale_count: 0, entry: 0 },
    ]);
  });

  it('given pre-authorisations, then only the completion is a sale: a hold, cancelled or not, is no sales fact', () => {
    expect(rowsOf(holdDay(), salesFactRows).map(pick)).toEqual([{ transaction_id: tx(1), kind: 'SALE', method: 'CREDIT', amount: '92000', sale_count: 1, entry: 0 }]);
  });

  it('given a refund under the RETURNED fee policy, then a FEE_RETURN of the fee it gave back, at the refund, beside the REFUND', () => {
    const t = new TerminalScript();
    const { events } = replay([
      t.signedIn(), ...t.cardSaleRequested(tx(1), 'DEBIT', '10000'), t.approved(tx(1)),
      t.settlementClosed(1, [{ method: 'DEBIT', count: 1, amountMinor: '10000', currency: 'CNY' }]),
      t.refundApproved(tx(2), tx(1), '5000'),
    ], { refundFees: 'RETURNED' });
    expect(rowsOf(events, salesFactRows).map(pick).filter((row) => row.kind === 'REFUND' || row.kind === 'FEE_RETURN')).toEqual([
      { transaction_id: tx(1), kind: 'REFUND', method: 'DEBIT', amount: '5000', sale_count: 0, entry: 0 },
      { transaction_id: tx(1), kind: 'FEE_RETURN', method: 'DEBIT', amount: '25', sale_count: 0, entry: 1 },
    ]);
  });

  it('given a dispute lost with a fee and one won, then a DISPUTE_LOST and a DISPUTE_FEE at the loss, with the sale’s dimensions; the won one is no fact', () => {
    const rows = rowsOf(disputeDay(), salesFactRows).filter((row) => row.kind.startsWith('DISPUTE'));
    expect(rows.map(pick)).toEqual([
      { transaction_id: tx(1), kind: 'DISPUTE_LOST', method: 'CREDIT', amount: '10000', sale_count: 0, entry: 0 },
      { transaction_id: tx(1), kind: 'DISPUTE_FEE', method: 'CREDIT', amount: '1500', sale_count: 0, entry: 1 },
    ]);
    expect(rows.map((row) => row.occurred_at)).toEqual([DISPUTE_LOST_AT, DISPUTE_LOST_AT].map((at) => at.replace('T', ' ').replace('Z', '')));
  });
});
