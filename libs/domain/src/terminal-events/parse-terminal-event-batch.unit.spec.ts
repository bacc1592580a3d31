import { EXAMPLE_PAYLOADS } from './example-payloads';
import { MAX_LISTED_ERRORS, parseTerminalEventBatch } from './parse-terminal-event-batch';
import { TerminalEventType, TERMINAL_EVENT_TYPES } from './terminal-event';

const TX = '6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f';
const AMOUNT = 'must be a decimal string of 1 to 12 digits of minor units, from 1 to 999999999999';
const TOTAL = 'must be a decimal string of 1 to 12 digits of minor units, from 0 to 999999999999';
const POSITIVE_INT = 'must be an integer from 1 to 2147483647';
const ORIGINAL = '0e1d2c3b-4a59-4867-8756-453423120100';

const payloads = EXAMPLE_PAYLOADS;

function eventOf(type: TerminalEventType, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const transactionless = type.startsWith('operator.') || type === 'settlement.closed';
  return {
    eventId: '7d9f8a3e-2c1b-4e5f-9a8b-1c2d3e4f5a6b',
    terminalId: 't-1',
    sequence: 1,
    occurredAt: '2026-11-23T14:05:00+08:00',
    ...(transactionless ? {} : { transactionId: TX }),
    type,
    payload: payloads[type],
    ...overrides,
  };
}

function errorsOf(body: unknown) {
  const result = parseTerminalEventBatch(body);
  if (result.ok) throw new Error('expected the batch to be refused');
  return result.errors;
}

describe('terminal event schema', () => {
  it.each(TERMINAL_EVENT_TYPES.map((type) => [type]))('accepts a valid %s', (type) => {
    const event = eventOf(type);
    expect(parseTerminalEventBatch({ events: [event] })).toEqual({ ok: true, events: [event] });
  });

  it('accepts a batch of 500 events', () => {
    const events = Array.from({ length: 500 }, (_, i) => eventOf('receipt.emailed', { sequence: i + 1 }));
    expect(parseTerminalEventBatch({ events })).toMatchObject({ ok: true });
  });

  it.each([
    ['0 events', { events: [] }],
    ['501 events', { events: Array.from({ length: 501 }, () => eventOf('receipt.emailed')) }],
    ['no events field', {}],
    ['events not an array', { events: {} }],
  ])('refuses %s with an envelope error (index null)', (_name, body) => {
    const errors = errorsOf(body);
    expect(errors).toEqual([{ index: null, field: 'events', message: expect.stringMatching(/^events: must/) }]);
  });

  it('refuses a body that is not an object, and unknown top-level fields', () => {
    expect(errorsOf('nope')[0]).toMatchObject({ index: null, field: 'body' });
    expect(errorsOf({ events: [eventOf('receipt.emailed')], extra: 1 })).toEqual([
      { index: null, field: 'extra', message: 'extra: is not an accepted field' },
    ]);
  });

  it('refuses an unknown type, naming the event', () => {
    const errors = errorsOf({ events: [eventOf('receipt.emailed'), eventOf('receipt.emailed', { type: 'cash.drawer_opened' })] });
    expect(errors).toEqual([{ index: 1, field: 'type', message: expect.stringMatching(/^events\[1\]\.type: must be one of operator\.signed_in/) }]);
  });

  it('refuses an unknown field in the envelope and in the payload', () => {
    const errors = errorsOf({
      events: [eventOf('pin.entered', { merchantId: 'm-2', payload: { result: 'VERIFIED', attempts: 2 } })],
    });
    expect(errors).toEqual(
      expect.arrayContaining([
        { index: 0, field: 'merchantId', message: 'events[0].merchantId: is not an accepted field' },
        { index: 0, field: 'payload.attempts', message: 'events[0].payload.attempts: is not an accepted field' },
      ]),
    );
  });

  it('refuses a missing field, naming its path', () => {
    const { eventId: _dropped, ...withoutId } = eventOf('receipt.emailed');
    expect(errorsOf({ events: [withoutId] })).toEqual([{ index: 0, field: 'eventId', message: 'events[0].eventId: is required' }]);
    expect(errorsOf({ events: [eventOf('amount.entered', { payload: { currency: 'CNY' } })] })).toEqual([
      { index: 0, field: 'payload.amountMinor', message: 'events[0].payload.amountMinor: is required' },
    ]);
  });

  it('requires transactionId on every type but operator.* and settlement.closed', () => {
    const { transactionId: _dropped, ...withoutTx } = eventOf('authorization.approved');
    expect(errorsOf({ events: [withoutTx] })).toEqual([{ index: 0, field: 'transactionId', message: 'events[0].transactionId: is required' }]);
    expect(parseTerminalEventBatch({ events: [eventOf('settlement.closed', { transactionId: TX })] })).toMatchObject({ ok: true });
  });

  it.each([
    ['a float amount', 'amount.entered', { payload: { amountMinor: 12.34, currency: 'CNY' } }, 'payload.amountMinor', AMOUNT],
    ['an integer number amount', 'amount.entered', { payload: { amountMinor: 1234, currency: 'CNY' } }, 'payload.amountMinor', AMOUNT],
    ['a decimal-point amount', 'amount.entered', { payload: { amountMinor: '12.34', currency: 'CNY' } }, 'payload.amountMinor', AMOUNT],
    ['a zero sale amount', 'amount.entered', { payload: { amountMinor: '0', currency: 'CNY' } }, 'payload.amountMinor', AMOUNT],
    ['a leading zero', 'amount.entered', { payload: { amountMinor: '0100', currency: 'CNY' } }, 'payload.amountMinor', AMOUNT],
    ['a plus sign', 'amount.entered', { payload: { amountMinor: '+100', currency: 'CNY' } }, 'payload.amountMinor', AMOUNT],
    ['a 30-digit amount', 'amount.entered', { payload: { amountMinor: '1'.repeat(30), currency: 'CNY' } }, 'payload.amountMinor', AMOUNT],
    ['a negative refund', 'refund.approved', { payload: { originalTransactionId: ORIGINAL, amountMinor: '-5', currency: 'CNY' } }, 'payload.amountMinor', AMOUNT],
    ['an unknown currency', 'amount.entered', { payload: { amountMinor: '1', currency: 'RMB' } }, 'payload.currency', 'must be a known ISO 4217 currency code'],
    ['a bad eventId', 'receipt.emailed', { eventId: 'abc' }, 'eventId', 'must be a UUID'],
    ['a bad transactionId', 'receipt.emailed', { transactionId: 42 }, 'transactionId', 'must be a UUID'],
    ['a zero sequence', 'receipt.emailed', { sequence: 0 }, 'sequence', POSITIVE_INT],
    ['a fractional sequence', 'receipt.emailed', { sequence: 1.5 }, 'sequence', POSITIVE_INT],
    ['a sequence in a string', 'receipt.emailed', { sequence: '1' }, 'sequence', POSITIVE_INT],
    ['a sequence beyond safe integers', 'receipt.emailed', { sequence: 2 ** 53 }, 'sequence', POSITIVE_INT],
    ['an instant without offset', 'receipt.emailed', { occurredAt: '2026-11-23T14:05:00' }, 'occurredAt', 'must be an ISO-8601 instant with an offset or Z'],
    ['unix milliseconds', 'receipt.emailed', { occurredAt: 1700000000000 }, 'occurredAt', 'must be an ISO-8601 instant with an offset or Z'],
    ['a bad terminal id', 'receipt.emailed', { terminalId: 't 1' }, 'terminalId', 'must be an id (1-64 letters, digits, _ . -)'],
    ['an unknown method', 'payment.method_selected', { payload: { method: 'CHEQUE' } }, 'payload.method', 'must be one of DEBIT, CREDIT, WECHAT_PAY, ALIPAY, CASH'],
    ['cash in settlement totals', 'settlement.closed', { payload: { batchNumber: 1, totals: [{ method: 'CASH', count: 1, amountMinor: '100', currency: 'CNY' }] } }, 'payload.totals[0].method', 'must be one of DEBIT, CREDIT, WECHAT_PAY, ALIPAY (cash is not settled)'],
    ['an unknown entry mode', 'card.inserted', { payload: { ...payloads['card.inserted'], entryMode: 'MAGIC' } }, 'payload.entryMode', 'must be one of CHIP, SWIPE, CONTACTLESS'],
    ['a maskedPan that is neither masked nor a PAN', 'card.inserted', { payload: { ...payloads['card.inserted'], maskedPan: '1234' } }, 'payload.maskedPan', 'must be a masked PAN (first 6 digits, *, last 4 digits)'],
    ['a float settlement amount', 'settlement.closed', { payload: { batchNumber: 1, totals: [{ method: 'DEBIT', count: 1, amountMinor: 1.5, currency: 'CNY' }] } }, 'payload.totals[0].amountMinor', TOTAL],
    ['a payload that is not an object', 'receipt.emailed', { payload: 'x' }, 'payload', 'must be an object'],
  ] as const)('refuses %s: events[i].<field>: <message>', (_name, type, overrides, field, message) => {
    const errors = errorsOf({ events: [eventOf('receipt.emailed'), eventOf('receipt.emailed'), eventOf('receipt.emailed'), eventOf(type, overrides)] });
    expect(errors).toEqual([{ index: 3, field, message: `events[3].${field}: ${message}` }]);
  });

  it('names the example from the contract: events[3].payload.amountMinor', () => {
    const events = [0, 1, 2].map(() => eventOf('receipt.emailed'));
    events.push(eventOf('amount.entered', { payload: { amountMinor: 12.5, currency: 'CNY' } }));
    expect(errorsOf({ events }).map((e) => e.message)).toEqual([`events[3].payload.amountMinor: ${AMOUNT}`]);
  });

  it('lists every problem of every event, and takes nothing of a batch with one bad event', () => {
    const errors = errorsOf({ events: [eventOf('receipt.emailed', { sequence: -1, eventId: 'x' }), eventOf('receipt.emailed'), 'oops'] });
    expect(errors.map((e) => [e.index, e.field])).toEqual([
      [0, 'eventId'],
      [0, 'sequence'],
      [2, ''],
    ]);
  });
});

describe('bounds (invariant 8): a value at its bound is taken, one past it refused with a message stating the bound', () => {
  const total = (line: Record<string, unknown>) => ({ payload: { batchNumber: 1, totals: [{ method: 'DEBIT', count: 1, amountMinor: '1', currency: 'CNY', ...line }] } });
  const cases: [string, TerminalEventType, (value: unknown) => Record<string, unknown>, unknown[], unknown[], string, string][] = [
    ['a sale amount', 'amount.entered', (v) => ({ payload: { amountMinor: v, currency: 'CNY' } }), ['1', '999999999999'], ['0', '1000000000000'], 'payload.amountMinor', AMOUNT],
    ['a refund amount', 'refund.approved', (v) => ({ payload: { originalTransactionId: ORIGINAL, amountMinor: v, currency: 'CNY' } }), ['1', '999999999999'], ['0', '1000000000000'], 'payload.amountMinor', AMOUNT],
    ['a settlement total', 'settlement.closed', (v) => total({ amountMinor: v }), ['0', '999999999999'], ['-1', '1000000000000'], 'payload.totals[0].amountMinor', TOTAL],
    ['a sequence', 'receipt.emailed', (v) => ({ sequence: v }), [1, 2147483647], [0, 2147483648], 'sequence', POSITIVE_INT],
    ['a batch number', 'settlement.closed', (v) => ({ payload: { batchNumber: v, totals: [] } }), [1, 2147483647], [0, 2147483648], 'payload.batchNumber', POSITIVE_INT],
    ['a count', 'settlement.closed', (v) => total({ count: v }), [0, 2147483647], [-1, 2147483648], 'payload.totals[0].count', 'must be an integer from 0 to 2147483647'],
  ];

  it.each(cases)('%s', (_name, type, withValue, accepted, refused, field, message) => {
    for (const value of accepted) expect(parseTerminalEventBatch({ events: [eventOf(type, withValue(value))] })).toMatchObject({ ok: true });
    for (const value of refused) expect(errorsOf({ events: [eventOf(type, withValue(value))] })).toEqual([{ index: 0, field, message: `events[0].${field}: ${message}` }]);
  });
});

describe('free-text fields: a documented alphabet and length', () => {
  const REFERENCE = (max: number) => `must be 1 to ${max} characters, each a letter, a digit or one of - _ . : /`;
  const REASON = 'must be 1 to 256 printable characters, without leading or trailing spaces';
  const approved = (payload: Record<string, unknown>) => ({ payload: { authCode: 'A1', hostReference: 'H1', ...payload } });
  const declined = (payload: Record<string, unknown>) => ({ payload: { responseCode: '05', reason: 'refused', ...payload } });

  it.each([
    ['qr.scanned', { payload: { walletReference: 'wx:2026/11-23_0001.A' } }],
    ['authorization.approved', approved({ authCode: 'x'.repeat(32), hostReference: 'h'.repeat(64) })],
    ['authorization.declined', declined({ responseCode: 'Z3', reason: '余额不足 — carte refusée (code 51) 🙁' })],
    ['authorization.declined', declined({ reason: 'r'.repeat(256) })],
  ] as const)('accepts a %s within its alphabet and length', (type, overrides) => {
    expect(parseTerminalEventBatch({ events: [eventOf(type, overrides)] })).toMatchObject({ ok: true });
  });

  it.each([
    ['an empty wallet reference', 'qr.scanned', { payload: { walletReference: '' } }, 'payload.walletReference', REFERENCE(128)],
    ['a wallet reference over 128', 'qr.scanned', { payload: { walletReference: 'w'.repeat(129) } }, 'payload.walletReference', REFERENCE(128)],
    ['a space in an auth code', 'authorization.approved', approved({ authCode: 'A 1' }), 'payload.authCode', REFERENCE(32)],
    ['an auth code over 32', 'authorization.approved', approved({ authCode: 'a'.repeat(33) }), 'payload.authCode', REFERENCE(32)],
    ['markup in a host reference', 'authorization.approved', approved({ hostReference: '<b>1</b>' }), 'payload.hostReference', REFERENCE(64)],
    ['a full-width letter in a response code', 'authorization.declined', declined({ responseCode: 'Ｚ3' }), 'payload.responseCode', REFERENCE(16)],
    ['a line break in a reason', 'authorization.declined', declined({ reason: 'refused\r\nX-Injected: 1' }), 'payload.reason', REASON],
    ['a control character in a reason', 'authorization.declined', declined({ reason: 'refused\u0007' }), 'payload.reason', REASON],
    ['a NUL in a reason', 'authorization.declined', declined({ reason: 'refused\u0000' }), 'payload.reason', REASON],
    ['a bidi override in a reason', 'authorization.declined', declined({ reason: 'refused \u202eDEVORPPA' }), 'payload.reason', REASON],
    ['a zero-width space in a reason', 'authorization.declined', declined({ reason: 'ref\u200bused' }), 'payload.reason', REASON],
    ['a lone surrogate in a reason', 'authorization.declined', declined({ reason: 'refused \ud800' }), 'payload.reason', REASON],
    ['a trailing space in a reason', 'authorization.declined', declined({ reason: 'refused ' }), 'payload.reason', REASON],
    ['a blank reason', 'authorization.declined', declined({ reason: '   ' }), 'payload.reason', REASON],
    ['a reason over 256', 'authorization.declined', declined({ reason: 'r'.repeat(257) }), 'payload.reason', REASON],
  ] as const)('refuses %s', (_name, type, overrides, field, message) => {
    expect(errorsOf({ events: [eventOf(type, overrides)] })).toEqual([{ index: 0, field, message: `events[0].${field}: ${message}` }]);
  });
});

describe('what a refusal repeats of a hostile body', () => {
  it('names an unknown field only when its name is plain and short; never repeats a card number or a long name', () => {
    const keys = ['4111111111111111', 'x'.repeat(65), 'a\nb', 'note'];
    const errors = errorsOf({ events: [eventOf('receipt.emailed', { payload: Object.fromEntries(keys.map((key) => [key, 1])) })] });
    expect(errors).toEqual([
      { index: 0, field: 'payload.(field name not shown)', message: 'events[0].payload.(field name not shown): CARD_DATA: a full card number is not accepted in payload.(field name not shown)' },
      { index: 0, field: 'payload.note', message: 'events[0].payload.note: is not an accepted field' },
    ]);
    expect(errorsOf({ events: [eventOf('receipt.emailed')], ['y'.repeat(100)]: 1 })).toEqual([
      { index: null, field: '(field name not shown)', message: '(field name not shown): is not an accepted field' },
    ]);
  });

  it(`lists at most ${MAX_LISTED_ERRORS} problems, and says how many more there are`, () => {
    const events = Array.from({ length: 500 }, (_, i) => eventOf('receipt.emailed', { sequence: -i, eventId: 'x' }));
    const errors = errorsOf({ events });
    expect(errors).toHaveLength(MAX_LISTED_ERRORS + 1);
    expect(errors[MAX_LISTED_ERRORS]).toEqual({ index: null, field: 'events', message: 'events: 500 more problem(s) not listed' });
  });

  it('takes a million unknown fields in linear time, naming each field once', () => {
    const payload = Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, i]));
    const started = Date.now();
    const errors = errorsOf({ events: [eventOf('receipt.emailed', { payload })] });
    expect(errors).toHaveLength(MAX_LISTED_ERRORS + 1);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
