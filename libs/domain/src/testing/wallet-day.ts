import { LedgerEvent } from '../ledger/ledger-events';
import { replay, TerminalScript, tx } from './terminal-script';

/** The WeChat Pay reference TerminalScript scans for sale `n`. */
export const walletReferenceOf = (n: number): string => `wechat_pay-${tx(n).slice(-4)}`;

/**
 * A day of merchant `merchantId` on 2026-11-23 (Shanghai): WeChat Pay sales of 120.00 (host reference H-1) and 50.00
 * (H-3), a credit card sale of 100.00 (H-2), batch 1 closed, then 20.00 refunded on the first.
 */
export function walletDay(merchantId = 'm-1'): LedgerEvent[] {
  const t = new TerminalScript();
  return replay([
    t.signedIn(),
    ...t.qrSaleRequested(tx(1), 'WECHAT_PAY', '12000'), t.approved(tx(1), 'A1', 'H-1'),
    ...t.cardSaleRequested(tx(2), 'CREDIT', '10000'), t.approved(tx(2), 'A2', 'H-2'),
    ...t.qrSaleRequested(tx(3), 'WECHAT_PAY', '5000'), t.approved(tx(3), 'A3', 'H-3'),
    t.settlementClosed(1, [{ method: 'WECHAT_PAY', count: 2, amountMinor: '17000', currency: 'CNY' }, { method: 'CREDIT', count: 1, amountMinor: '10000', currency: 'CNY' }]),
    t.refundApproved(tx(10), tx(1), '2000'),
  ]).events.map((event) => ({ ...event, data: { ...event.data, merchantId } }) as LedgerEvent);
}
