import type { LedgerEvent } from '../ledger/ledger-events';
import { replay, TerminalScript, tx } from './terminal-script';

/** The ledger events of a terminal of `merchantId` that signs in, sells by debit card each amount, and settles them in one batch. */
export function settledSales(terminalId: string, merchantId: string, minors: readonly string[]): LedgerEvent[] {
  const t = new TerminalScript(terminalId);
  const total = minors.reduce((sum, minor) => sum + BigInt(minor), 0n);
  const signedIn = t.signedIn();
  const sales = minors.flatMap((minor, n) => [...t.cardSaleRequested(tx(n + 1), 'DEBIT', minor), t.approved(tx(n + 1))]);
  const { events } = replay([signedIn, ...sales, t.settlementClosed(1, [{ method: 'DEBIT', count: minors.length, amountMinor: total.toString(), currency: 'CNY' }])]);
  return events.map((event) => ({ ...event, data: { ...event.data, merchantId } }) as LedgerEvent);
}
