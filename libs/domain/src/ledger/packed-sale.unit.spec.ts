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
const money = fc.oneof(
  fc.record({ currency: fc.constantFrom('EUR', 'CNY', 'KWD'), minor: fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }).map(String) }),
  fc.record({ currency: text, minor: text }),
  // The same keys in the other order must come back in that order.
  fc.record({ minor: text, currency: text }),
);
const optional = <T>(value: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(value, { nil: undefined });

const sale: fc.Arbitrary<SaleState> = fc
  .record({
    transactionId: text,
    status: fc.constantFrom<SaleState['status']>('OPEN', 'AUTHORIZING', 'HELD', 'RELEASED', 'APPROVED', 'DECLINED', 'REVERSED', 'VOIDED', 'SETTLED', 'OFFLINE_DECLINED'),
    operatorId: optional(text),
    amount: optional(money),
    tip: optional(money),
    method: optional(fc.constantFrom<NonNullable<SaleState['method']>>('DEBIT', 'CREDIT', 'WECHAT_PAY', 'ALIPAY', 'CASH')),
    card: optional(fc.record({ entryMode: fc.constantFrom<'CHIP' | 'CONTACTLESS'>('CHIP', 'CONTACTLESS'), maskedPan: text, scheme: text })),
    walletReference: optional(text),
    pinResult: optional(fc.constantFrom<NonNullable<SaleState['pinResult']>>('VERIFIED', 'FAILED', 'BYPASSED')),
    scheme: optional(text),
    approvedAt: optional(fc.date({ noInvalidDate: true }).map((date) => date.toISOString())),
    preAuthorization: optional(fc.constant<true>(true)),
    hold: optional(fc.record({ amount: money, heldAt: text, expiresAt: text, authCode: text, hostReference: text })),
    offline: optional(fc.constantFrom<'AWAITING_HOST' | 'CONFIRMED'>('AWAITING_HOST', 'CONFIRMED')),
    refundedMinor: text,
    fee: optional(money),
    feeReturnedMinor: optional(text),
    disputedMinor: optional(text),
    receipts: fc.array(fc.constantFrom<SaleState['receipts'][number]>('PRINTED_MERCHANT', 'PRINTED_CUSTOMER', 'EMAILED')),
  })
  .map((fields) => Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as unknown as SaleState);

/** The state with every sale as the rules read it, none packed. */
function unpacked(state: TerminalLedgerState): TerminalLedgerState {
  const entries = keyedEntries(state.sales);
  return { ...state, sales: entries.reduce((all, [id, stored]) => setKeyed(all, id, saleFromStored(id, stored)), emptyKeyed<StoredSale>()) };
}

describe('a sale packed in the terminal state', () => {
  it('unpacks to the same sale, field for field, with its amounts\' keys in their order', () => {
    fc.assert(
      fc.property(sale, (original) => {
        const back = unpackSale(original.transactionId, packSale(original));
        expect(back).toEqual(original);
        expect(Object.keys(back).sort()).toEqual(Object.keys(original).sort());
        for (const field of ['amount', 'tip', 'fee'] as const) expect(JSON.stringify(back[field])).toBe(JSON.stringify(original[field]));
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
});
