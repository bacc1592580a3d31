import type { TerminalEventType } from './terminal-event';

const ORIGINAL_TRANSACTION = '0e1d2c3b-4a59-4867-8756-453423120100';

/** A valid example payload of every terminal event type: what specs and the protocol's examples start from. */
export const EXAMPLE_PAYLOADS: Readonly<Record<TerminalEventType, Readonly<Record<string, unknown>>>> = {
  'operator.signed_in': { operatorId: 'op-7' },
  'operator.signed_out': {},
  'card.inserted': { entryMode: 'CHIP', maskedPan: '622588******1234', scheme: 'UNIONPAY' },
  'pin.entered': { result: 'VERIFIED' },
  'payment.method_selected': { method: 'WECHAT_PAY' },
  'amount.entered': { amountMinor: '12800', currency: 'CNY' },
  'qr.scanned': { walletReference: 'WX-7K2M9Q4T-PL3H8D5N' },
  'cash.received': { tenderedMinor: '20000', currency: 'CNY' },
  'tip.entered': { tipMinor: '1500', currency: 'CNY' },
  'authorization.requested': {},
  'authorization.approved_offline': {},
  'preauthorization.requested': {},
  'preauthorization.completed': { amountMinor: '88000', currency: 'CNY' },
  'preauthorization.cancelled': {},
  'authorization.approved': { authCode: 'A12345', hostReference: 'H-99' },
  'authorization.declined': { responseCode: '51', reason: 'insufficient funds' },
  'authorization.timed_out': {},
  'signature.captured': {},
  'receipt.printed': { copy: 'CUSTOMER' },
  'receipt.emailed': {},
  'transaction.voided': { originalTransactionId: ORIGINAL_TRANSACTION, supervisorId: 'op-2' },
  'refund.approved': { originalTransactionId: ORIGINAL_TRANSACTION, amountMinor: '500', currency: 'CNY', supervisorId: 'op-2' },
  'settlement.closed': { batchNumber: 3, totals: [{ method: 'DEBIT', count: 2, amountMinor: '25600', currency: 'CNY' }] },
  'terminal.heartbeat': { appVersion: '4.2.1', network: 'WIFI', signal: 72, paperLow: false },
  'shift.opened': { operatorId: 'op-7', openingCashMinor: '50000', currency: 'CNY' },
  'shift.closed': { countedCashMinor: '49800', currency: 'CNY' },
};
