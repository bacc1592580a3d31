import { ledgerEventId } from './ledger-event-id';

describe('ledger event ids', () => {
  it('invariant 3: are derived deterministically from the terminal event id', () => {
    const a = ledgerEventId('0b7c0c5e-8a4b-4f7e-9a51-1b7a4f1c2d3e', 'SaleApproved', 0);
    expect(a).toBe(ledgerEventId('0b7c0c5e-8a4b-4f7e-9a51-1b7a4f1c2d3e', 'SaleApproved', 0));
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('differ by cause, type and ordinal', () => {
    const ids = new Set([
      ledgerEventId('e-1', 'SaleApproved', 0),
      ledgerEventId('e-2', 'SaleApproved', 0),
      ledgerEventId('e-1', 'TerminalEventRecorded', 0),
      ledgerEventId('e-1', 'SaleApproved', 1),
    ]);
    expect(ids.size).toBe(4);
  });
});
