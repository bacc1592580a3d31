import { isTransactionlessType, type TerminalEventType } from '@posledger/domain';
import { TERMINAL_ID } from './ingest-under-test';

/** A valid payload of every type of the contract. */
export const VALID_PAYLOADS: Readonly<Record<TerminalEventType, Record<string, unknown>>> = {
  'operator.signed_in': { operatorId: 'op-7' },
  'operator.signed_out': {},
  'card.inserted': { entryMode: 'CHIP', maskedPan: '622588******1234', scheme: 'UNIONPAY' },
  'pin.entered': { result: 'VERIFIED' },
  'payment.method_selected': { method: 'WECHAT_PAY' },
  'amount.entered': { amountMinor: '12800', currency: 'CNY' },
  'qr.scanned': { walletReference: 'WX-7K2M9Q4T-PL3H8D5N' },
  'authorization.requested': {},
  'authorization.approved': { authCode: 'A12345', hostReference: 'H-99' },
  'authorization.declined': { responseCode: '51', reason: 'insufficient funds' },
  'authorization.timed_out': {},
  'signature.captured': {},
  'receipt.printed': { copy: 'CUSTOMER' },
  'receipt.emailed': {},
  'transaction.voided': { originalTransactionId: '0e1d2c3b-4a59-4867-8756-453423120100' },
  'refund.approved': { originalTransactionId: '0e1d2c3b-4a59-4867-8756-453423120100', amountMinor: '500', currency: 'CNY' },
  'settlement.closed': { batchNumber: 3, totals: [{ method: 'DEBIT', count: 2, amountMinor: '25600', currency: 'CNY' }] },
};

export interface EventIds {
  readonly eventId: string;
  readonly transactionId: string;
}

/** A valid event of the terminal under test, happening at `occurredAtMs`; a fresh copy each call. */
export function validEvent(type: TerminalEventType, ids: EventIds, sequence: number, occurredAtMs: number): Record<string, unknown> {
  return {
    eventId: ids.eventId,
    terminalId: TERMINAL_ID,
    sequence,
    occurredAt: new Date(occurredAtMs).toISOString(),
    ...(isTransactionlessType(type) ? {} : { transactionId: ids.transactionId }),
    type,
    payload: structuredClone(VALID_PAYLOADS[type]),
  };
}
