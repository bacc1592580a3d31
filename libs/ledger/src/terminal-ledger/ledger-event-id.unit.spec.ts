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

  it('stay the ids every earlier version derived, whatever the variant digit (a redelivery after an upgrade must dedupe)', () => {
    expect(ledgerEventId('e-0', 'SaleApproved', 0)).toBe('48a0fbe3-8bdf-5cda-b694-d09b54e2ad66');
    expect(ledgerEventId('e-1', 'SaleApproved', 0)).toBe('4f3cb4c7-f61b-59fd-98eb-844c730e50f9');
    expect(ledgerEventId('e-3', 'SaleApproved', 0)).toBe('219029c3-5948-51f6-8351-7e72b18243ed');
    expect(ledgerEventId('e-4', 'SaleApproved', 0)).toBe('2a68dfaf-1a08-5f82-a36a-75301549e784');
    expect(ledgerEventId('e-3', 'BatchClosed', 2)).toBe('552eeb91-95df-5825-9b2b-6163ac144ab2');
  });
});
