import { parseTerminalEventBatch } from './parse-terminal-event-batch';
import { findCardData, maskFullPan } from './scrub-card-data';
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
    const result = maskFullPan(cardInserted('4111111111111111'));
    expect(result).toEqual({ event: cardInserted('411111******1111'), masked: true });
    expect(JSON.stringify(result)).not.toContain('4111111111111111');
  });

  it('an already masked PAN passes unchanged, masked: false', () => {
    const event = cardInserted('411111******1111');
    expect(maskFullPan(event)).toEqual({ event, masked: false });
  });

  it('invariant 2: a full PAN in another field is refused with CARD_DATA, naming the event and field', () => {
    const event: TerminalEvent = { ...base, type: 'qr.scanned', payload: { walletReference: 'pay 4111 1111 1111 1111' } };
    expect(findCardData(event)).toEqual([{ field: 'payload.walletReference', what: 'a full card number' }]);
    expect(parseTerminalEventBatch({ events: [{ ...base, type: 'receipt.emailed', payload: {} }, event] })).toMatchObject({
      ok: false,
      errors: [{ index: 1, field: 'payload.walletReference', message: 'events[1].payload.walletReference: CARD_DATA: a full card number is not accepted in payload.walletReference' }],
    });
  });

  it.each([
    ['operatorId', { ...base, type: 'operator.signed_in', payload: { operatorId: '5500000000000004' } }, 'payload.operatorId'],
    ['terminalId', { ...base, terminalId: '4111-1111-1111-1111', type: 'receipt.emailed', payload: {} }, 'terminalId'],
    ['a decline reason', { ...base, type: 'authorization.declined', payload: { responseCode: '05', reason: 'card 378282246310005 blocked' } }, 'payload.reason'],
  ] as const)('invariant 2: a full PAN in %s is refused', (_name, event, field) => {
    expect(findCardData(event)).toContainEqual({ field, what: 'a full card number' });
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
    expect(findCardData(smuggled)).toContainEqual({ field: 'cvv2', what: 'card data' });
  });

  it('a 28-digit wallet trade number is a reference, not a card number; a card number inside 24 digits is card data', () => {
    const wechat: TerminalEvent = { ...base, type: 'qr.scanned', payload: { walletReference: '4200000000000000000000000000' } };
    expect(findCardData(wechat)).toEqual([]);
    const hidden: TerminalEvent = { ...base, type: 'qr.scanned', payload: { walletReference: '12345411111111111111167' } };
    expect(findCardData(hidden)).toEqual([{ field: 'payload.walletReference', what: 'a full card number' }]);
  });

  it('UUIDs and instants in their shape are not read as card numbers; out of shape they are', () => {
    const digitsOnly: TerminalEvent = { ...base, eventId: '41111111-1111-1111-1111-111111111111', type: 'receipt.emailed', payload: {} };
    expect(findCardData(digitsOnly)).toEqual([]);
    expect(findCardData({ ...base, eventId: '4111 1111 1111 1111', type: 'receipt.emailed', payload: {} })).toEqual([{ field: 'eventId', what: 'a full card number' }]);
  });
});

const PAN_FORMS = [
  ['spaces', '4111 1111 1111 1111'],
  ['dashes', '4111-1111-1111-1111'],
  ['full-width digits', '\uff14\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11'],
  ['Arabic-Indic digits', '\u0664\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661'],
  ['a longer run of digits', '90210 4111111111111111 7'.replace(/ /g, '')],
] as const;

const FIELDS: [string, (value: string) => Record<string, unknown>][] = [
  ['terminalId', (v) => ({ ...base, terminalId: v, type: 'receipt.emailed', payload: {} })],
  ['payload.operatorId', (v) => ({ ...base, type: 'operator.signed_in', payload: { operatorId: v } })],
  ['payload.walletReference', (v) => ({ ...base, type: 'qr.scanned', payload: { walletReference: v } })],
  ['payload.authCode', (v) => ({ ...base, type: 'authorization.approved', payload: { authCode: v, hostReference: 'H-1' } })],
  ['payload.hostReference', (v) => ({ ...base, type: 'authorization.approved', payload: { authCode: 'A1', hostReference: v } })],
  ['payload.responseCode', (v) => ({ ...base, type: 'authorization.declined', payload: { responseCode: v, reason: 'refused' } })],
  ['payload.reason', (v) => ({ ...base, type: 'authorization.declined', payload: { responseCode: '05', reason: `card ${v} refused` } })],
  ['payload.scheme', (v) => ({ ...base, type: 'card.inserted', payload: { entryMode: 'CHIP', maskedPan: '411111******1111', scheme: v } })],
  ['payload.maskedPan', (v) => ({ ...base, type: 'card.inserted', payload: { entryMode: 'CHIP', maskedPan: v, scheme: 'VISA' } })],
];

describe('invariant 2: card data through side doors', () => {
  const cases = FIELDS.flatMap(([field, eventWith]) => PAN_FORMS.map(([form, pan]) => [field, form, eventWith(pan)] as const));

  it.each(cases)('a PAN in %s written with %s is refused as CARD_DATA naming the field, and not repeated', (field, _form, event) => {
    const parsed = parseTerminalEventBatch({ events: [event] });
    expect(parsed).toEqual({ ok: false, errors: [{ index: 0, field, message: `events[0].${field}: CARD_DATA: a full card number is not accepted in ${field}` }] });
    expect(JSON.stringify(parsed)).not.toMatch(/4111|\uff14|\u0664/);
  });

  it('a PAN in a number field is refused as CARD_DATA too', () => {
    expect(parseTerminalEventBatch({ events: [{ ...base, sequence: 4111111111111111, type: 'receipt.emailed', payload: {} }] })).toEqual({
      ok: false,
      errors: [{ index: 0, field: 'sequence', message: 'events[0].sequence: CARD_DATA: a full card number is not accepted in sequence' }],
    });
  });

  it('a PAN in an unknown field, or in the name of one, is refused as CARD_DATA without repeating the name', () => {
    const parsed = parseTerminalEventBatch({ events: [{ ...base, type: 'receipt.emailed', payload: { note: '4111-1111-1111-1111', '4111111111111111': true } }] });
    expect(parsed).toEqual({
      ok: false,
      errors: [
        { index: 0, field: 'payload.note', message: 'events[0].payload.note: CARD_DATA: a full card number is not accepted in payload.note' },
        { index: 0, field: 'payload.(field name not shown)', message: 'events[0].payload.(field name not shown): CARD_DATA: a full card number is not accepted in payload.(field name not shown)' },
      ],
    });
  });

  it('a field named like card data in full-width letters is card data', () => {
    expect(findCardData({ ...base, type: 'receipt.emailed', payload: { '\uff43\uff56\uff56': '123' } })).toEqual([{ field: 'payload.(field name not shown)', what: 'card data' }]);
  });

  it('fields named like Object.prototype members are scanned like any other', () => {
    const raw = JSON.parse('{"constructor":"4111 1111 1111 1111","__proto__":"5500 0000 0000 0004","toString":{"valueOf":"378282246310005"}}') as unknown;
    expect(findCardData(raw)).toEqual([
      { field: 'constructor', what: 'a full card number' },
      { field: '__proto__', what: 'a full card number' },
      { field: 'toString.valueOf', what: 'a full card number' },
    ]);
  });

  it('a hostile nesting is scanned to a bounded depth, without recursing through it', () => {
    let deep: unknown = '4111111111111111';
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    expect(findCardData({ ...base, type: 'receipt.emailed', payload: { a: { b: '4111111111111111' } }, extra: deep })).toEqual([
      { field: 'payload.a.b', what: 'a full card number' },
    ]);
  });
});
