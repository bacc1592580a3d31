import { parseTerminalEventBatch } from './parse-terminal-event-batch';
import { scrubCardData } from './scrub-card-data';
import { TerminalEvent, TerminalEventOf } from './terminal-event';

const base = {
  eventId: '7d9f8a3e-2c1b-4e5f-9a8b-1c2d3e4f5a6b',
  terminalId: 't-1',
  sequence: 4,
  occurredAt: '2026-11-23T14:05:00+08:00',
  transactionId: '6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f',
};

const cardInserted = (maskedPan: string): TerminalEventOf<'card.inserted'> => ({
  ...base,
  type: 'card.inserted',
  payload: { entryMode: 'CHIP', maskedPan, scheme: 'VISA' },
});

describe('card data (invariant 2)', () => {
  it('invariant 2: a full PAN in card.inserted.maskedPan is masked to first 6 / last 4, and says so', () => {
    const parsed = parseTerminalEventBatch({ events: [cardInserted('4111111111111111')] });
    expect(parsed.ok).toBe(true);
    const result = scrubCardData(cardInserted('4111111111111111'));
    expect(result).toEqual({ event: cardInserted('411111******1111'), masked: true });
    expect(JSON.stringify(result)).not.toContain('4111111111111111');
  });

  it('an already masked PAN passes unchanged, masked: false', () => {
    const event = cardInserted('411111******1111');
    expect(scrubCardData(event)).toEqual({ event, masked: false });
  });

  it('invariant 2: a full PAN in another field is refused with CARD_DATA, naming the event and field', () => {
    const event: TerminalEvent = { ...base, type: 'qr.scanned', payload: { walletReference: 'pay 4111 1111 1111 1111' } };
    expect(scrubCardData(event, 7)).toEqual({
      error: {
        index: 7,
        field: 'payload.walletReference',
        message: 'CARD_DATA: a full card number is not accepted in events[7].payload.walletReference',
      },
    });
    expect(scrubCardData(event)).toEqual({
      error: { index: null, field: 'payload.walletReference', message: 'CARD_DATA: a full card number is not accepted in payload.walletReference' },
    });
  });

  it.each([
    ['operatorId', { ...base, type: 'operator.signed_in', payload: { operatorId: '5500000000000004' } }, 'payload.operatorId'],
    ['terminalId', { ...base, terminalId: '4111-1111-1111-1111', type: 'receipt.emailed', payload: {} }, 'terminalId'],
    ['a decline reason', { ...base, type: 'authorization.declined', payload: { responseCode: '05', reason: 'card 378282246310005 blocked' } }, 'payload.reason'],
  ] as const)('invariant 2: a full PAN in %s is refused', (_name, event, field) => {
    expect(scrubCardData(event as TerminalEvent)).toMatchObject({ error: { field, message: expect.stringMatching(/^CARD_DATA: /) } });
  });

  it('invariant 2: fields named like track data, CVV or PIN block are refused (by the schema, as CARD_DATA)', () => {
    const parsed = parseTerminalEventBatch({
      events: [{ ...cardInserted('411111******1111'), payload: { entryMode: 'SWIPE', maskedPan: '411111******1111', scheme: 'VISA', track2: ';4111=2512?', cvv: '123', pinBlock: 'AB12' } }],
    });
    expect(parsed).toEqual({
      ok: false,
      errors: [
        { index: 0, field: 'payload.track2', message: 'events[0].payload.track2: CARD_DATA: card data is not accepted in payload.track2' },
        { index: 0, field: 'payload.cvv', message: 'events[0].payload.cvv: CARD_DATA: card data is not accepted in payload.cvv' },
        { index: 0, field: 'payload.pinBlock', message: 'events[0].payload.pinBlock: CARD_DATA: card data is not accepted in payload.pinBlock' },
      ],
    });
    const smuggled = { ...cardInserted('411111******1111'), cvv2: '123' } as unknown as TerminalEvent;
    expect(scrubCardData(smuggled)).toMatchObject({ error: { field: 'cvv2', message: expect.stringMatching(/^CARD_DATA/) } });
  });

  it('long wallet references and UUIDs are not card numbers', () => {
    const event: TerminalEvent = { ...base, type: 'qr.scanned', payload: { walletReference: '4200000000000000000000000000' } };
    expect(scrubCardData(event)).toEqual({ event, masked: false });
  });
});
