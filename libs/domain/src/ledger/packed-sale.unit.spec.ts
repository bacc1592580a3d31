import fc from 'fast-check';
import { record } from '../testing';
import { GENERATED_OFFLINE_LIMIT_MINOR, terminalHistory } from '../testing/terminal-history.arbitraries';
import { emptyKeyed, keyedEntries, keyedValues, setKeyed } from './keyed-record';
import { packSale, saleFromStored, StoredSale, unpackSale } from './packed-sale';
import { decide, evolve, initialState } from './terminal-ledger.decider';
import { SaleState, TerminalLedgerState } from './terminal-ledger.state';

const offlineUpToMinor = GENERATED_OFFLINE_LIMIT_MINOR;

// Any text, including the separator, spaces and the tags' letters, so that no value can be taken for another.
const text = fc.string({ unit: fc.constantFrom('a', 'Z', '0', '9', ' ', '\x1f', 's', 'm', 'j', '"', '\\', '{', '-', 'é', '😀') });
/** Text, or a word that packs as one character (packed-words.ts). */
const textOrWord = fc.oneof(text, fc.constantFrom('SETTLED', 'VISA', 'EMAILED', 'NONE', 'CASH'));
/** Instants as `toISOString` writes them, which pack as milliseconds, and strings that look like them and do not. */
const instantLike = fc.oneof(
  fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
  fc.date({ noInvalidDate: true, min: new Date(0) }).map((date) => date.toISOString().replace('Z', '+00:00')),
  fc.constantFrom('2026-02-30T00:00:00.000Z', '2026-12-06T03:47:46.12Z0', '1969-12-31T23:59:59.999Z', '2026-12-06T03:47:46,123Z', '+275760-09-13T00:00:00.000Z'),
);
const money = fc.oneof(
  fc.record({ currency: fc.constantFrom('EUR', 'CNY', 'KWD'), minor: fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }).map(String) }),
  fc.record({ currency: text, minor: text }),
  // The same keys in the other order must come back in that order.
  fc.record({ minor: text, currency: text }),
);
const entryMode = fc.constantFrom<'CHIP' | 'CONTACTLESS'>('CHIP', 'CONTACTLESS');
const card = fc.oneof(
  fc.record({ entryMode, maskedPan: fc.constantFrom('411111******1111', '6222****0000'), scheme: fc.constantFrom('VISA', 'UNIONPAY') }),
  fc.record({ entryMode, maskedPan: text, scheme: textOrWord }),
  fc.record({ scheme: text, entryMode, maskedPan: text }).map((c) => c as unknown as NonNullable<SaleState['card']>),
);
const optional = <T>(value: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(value, { nil: undefined });

const sale: fc.Arbitrary<SaleState> = fc
  .record({
    transactionId: text,
    status: fc.constantFrom<SaleState['status']>('OPEN', 'AUTHORIZING', 'HELD', 'RELEASED', 'APPROVED', 'DECLINED', 'REVERSED', 'VOIDED', 'SETTLED', 'OFFLINE_DECLINED'),
    operatorId: optional(fc.oneof(textOrWord, instantLike)),
    amount: optional(money),
    tip: optional(money),
    method: optional(fc.constantFrom<NonNullable<SaleState['method']>>('DEBIT', 'CREDIT', 'WECHAT_PAY', 'ALIPAY', 'CASH')),
    card: optional(card),
    walletReference: optional(textOrWord),
    pinResult: optional(fc.constantFrom<NonNullable<SaleState['pinResult']>>('VERIFIED', 'FAILED', 'BYPASSED')),
    scheme: optional(textOrWord),
    approvedAt: optional(instantLike),
    preAuthorization: optional(fc.constant<true>(true)),
    hold: optional(fc.record({ amount: money, heldAt: text, expiresAt: text, authCode: text, hostReference: text })),
    offline: optional(fc.constantFrom<'AWAITING_HOST' | 'CONFIRMED'>('AWAITING_HOST', 'CONFIRMED')),
    refundedMinor: text,
    fee: optional(money),
    feeReturnedMinor: optional(textOrWord),
    disputedMinor: optional(text),
    receipts: fc.oneof(
      fc.array(fc.constantFrom<SaleState['receipts'][number]>('PRINTED_MERCHANT', 'PRINTED_CUSTOMER', 'EMAILED')),
      // Any strings, empty ones and spaces included, must come back as they were.
      fc.array(textOrWord).map((texts) => texts as unknown as SaleState['receipts']),
    ),
  })
  .map((fields) => Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as unknown as SaleState);

/** The state with every sale as the rules read it, none packed. */
function unpacked(state: TerminalLedgerState): TerminalLedgerState {
  const entries = keyedEntries(state.sales);
  return { ...state, sales: entries.reduce((all, [id, stored]) => setKeyed(all, id, saleFromStored(id, stored)), emptyKeyed<StoredSale>()) };
}

describe('a sale packed in the terminal state', () => {
  it('unpacks to the same sale, field for field, with its amounts\' and card\'s keys in their order', () => {
    fc.assert(
      fc.property(sale, (original) => {
        const back = unpackSale(original.transactionId, packSale(original));
        expect(back).toEqual(original);
        expect(Object.keys(back).sort()).toEqual(Object.keys(original).sort());
        for (const field of ['amount', 'tip', 'fee', 'card', 'receipts', 'hold'] as const) expect(JSON.stringify(back[field])).toBe(JSON.stringify(original[field]));
      }),
      { numRuns: 2_000 },
    );
  });

  it('the rules decide the same on a state whose sales are packed as on the same state unpacked, event after event', () => {
    fc.assert(
      fc.property(terminalHistory(), (history) => {
        let state = initialState(history[0]?.terminalId ?? 't-1');
        for (const event of history) {
          const command = record(event, { offlineUpToMinor });
          const decided = decide(command, state);
          expect(decide(command, unpacked(state))).toEqual(decided);
          const next = decided.reduce(evolve, state);
          expect(unpacked(next)).toEqual(unpacked(decided.reduce(evolve, unpacked(state))));
          state = next;
        }
      }),
      { numRuns: 100 },
    );
  });

  it('is packed once the counter is done with it, and kept whole while it is being made', () => {
    const packedStatuses = new Set<string>();
    const wholeStatuses = new Set<string>();
    fc.assert(
      fc.property(terminalHistory(), (history) => {
        let state = initialState(history[0]?.terminalId ?? 't-1');
        for (const event of history) state = decide(record(event, { offlineUpToMinor }), state).reduce(evolve, state);
        for (const stored of keyedValues(state.sales)) {
          if (typeof stored === 'string') packedStatuses.add(unpackSale('', stored).status);
          else wholeStatuses.add(stored.method === 'CASH' && stored.status === 'APPROVED' ? 'APPROVED IN CASH' : stored.status);
        }
      }),
      { numRuns: 100, seed: 42 },
    );
    expect([...packedStatuses].sort()).toEqual(expect.arrayContaining(['DECLINED', 'SETTLED', 'VOIDED']));
    for (const status of ['SETTLED', 'VOIDED', 'DECLINED', 'REVERSED', 'RELEASED', 'OFFLINE_DECLINED', 'APPROVED IN CASH']) expect(wholeStatuses).not.toContain(status);
    expect(wholeStatuses).toContain('APPROVED');
  });

  it('packs a settled card sale in about half the characters of its JSON', () => {
    const settled: SaleState = {
      transactionId: '0f6c7d3e-8b1a-4c2d-9e3f-1a2b3c4d5e6f',
      status: 'SETTLED',
      operatorId: 'op-01',
      amount: { currency: 'EUR', minor: '1250' },
      method: 'CREDIT',
      card: { entryMode: 'CHIP', maskedPan: '411111******1111', scheme: 'VISA' },
      pinResult: 'VERIFIED',
      scheme: 'VISA',
      approvedAt: '2026-12-06T03:47:46.123Z',
      refundedMinor: '0',
      fee: { currency: 'EUR', minor: '19' },
      receipts: ['PRINTED_MERCHANT', 'PRINTED_CUSTOMER'],
    };
    const packed = packSale(settled);
    const fields = packed.split('\x1f');
    expect(fields.filter((field) => field.startsWith('w') || field.startsWith('v')).map((field) => field.length)).toEqual([2, 2, 2, 2, 3]);
    expect(fields.filter((field) => !field.startsWith('w') && !field.startsWith('v'))).toEqual(['sop-01', 'mEUR 1250', '', 'cCHIP 411111******1111 VISA', '', 'tmxbawguj', '', '', '', 's0', 'mEUR 19', '', '']);
    expect(packed.length).toBeLessThan(JSON.stringify(settled).length / 2);
    expect(unpackSale(settled.transactionId, packed)).toEqual(settled);
  });
});
