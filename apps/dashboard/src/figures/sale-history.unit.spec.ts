import type { LedgerEvent } from '../api/report-types';
import { saleHistory } from './sale-history';

const at = '2026-11-23T06:30:00.000Z';
const ledger = (position: string, type: string, data: unknown): LedgerEvent => ({ position, id: `e-${position}`, type, occurredAt: at, recordedAt: at, data: JSON.stringify(data) });
const recorded = (position: string, sequence: number, type: string, payload: unknown) => ledger(position, 'TerminalEventRecorded', { event: { type, sequence, payload }, panMasked: false });

describe("a sale's history", () => {
  it('reads terminal events and ledger events in ledger order, with their facts', () => {
    const history = saleHistory([
      recorded('10', 2, 'card.inserted', { entryMode: 'CHIP', maskedPan: '622848******1234', scheme: 'UNIONPAY' }),
      ledger('11', 'SaleDetailsCaptured', { transactionId: 's-1', details: { step: 'CARD' } }),
      recorded('12', 3, 'amount.entered', { amountMinor: '123456', currency: 'CNY' }),
      ledger('15', 'SaleApproved', { amount: { currency: 'CNY', minor: '123456' }, method: 'DEBIT', scheme: 'UNIONPAY', authCode: 'A1' }),
      ledger('20', 'BatchClosed', { batchNumber: 7, sale: { amount: { currency: 'CNY', minor: '123456' }, fee: { currency: 'CNY', minor: '617' } } }),
      ledger('30', 'RefundApproved', { refundId: 'r-1', amount: { currency: 'CNY', minor: '1000' } }),
      ledger('31', 'TerminalEventRejected', { code: 'REFUND_EXCEEDS_CAPTURED', reason: 'refund above the captured amount' }),
    ]);

    expect(history.map((entry) => [entry.position, entry.source, entry.type, entry.sequence])).toEqual([
      ['10', 'terminal', 'card.inserted', 2],
      ['11', 'ledger', 'SaleDetailsCaptured', undefined],
      ['12', 'terminal', 'amount.entered', 3],
      ['15', 'ledger', 'SaleApproved', undefined],
      ['20', 'ledger', 'BatchClosed', undefined],
      ['30', 'ledger', 'RefundApproved', undefined],
      ['31', 'ledger', 'TerminalEventRejected', undefined],
    ]);
    expect(history[0].details).toEqual([
      { kind: 'enum', label: 'scheme', code: 'UNIONPAY' },
      { kind: 'enum', label: 'entryMode', code: 'CHIP' },
      { kind: 'text', label: 'maskedPan', value: '622848******1234' },
    ]);
    expect(history[2].details).toEqual([{ kind: 'amount', label: 'amount', minor: '123456', currency: 'CNY' }]);
    expect(history[4].details).toEqual([
      { kind: 'text', label: 'batchNumber', value: '7' },
      { kind: 'amount', label: 'amount', minor: '123456', currency: 'CNY' },
      { kind: 'amount', label: 'fee', minor: '617', currency: 'CNY' },
    ]);
    expect(history[5].details).toContainEqual({ kind: 'text', label: 'refundId', value: 'r-1' });
    expect(history[6].details).toEqual([
      { kind: 'enum', label: 'rejection', code: 'REFUND_EXCEEDS_CAPTURED' },
      { kind: 'text', label: 'reason', value: 'refund above the captured amount' },
    ]);
  });

  it('keeps an event whose data it cannot read, raw', () => {
    const [entry] = saleHistory([{ position: '1', id: 'e', type: 'SomethingNew', occurredAt: at, recordedAt: at, data: 'not json' }]);

    expect(entry).toMatchObject({ source: 'ledger', type: 'SomethingNew', details: [], raw: 'not json' });
  });
});
