import { emptyKeyed } from './keyed-record';
import { emptyKeyedSet } from './keyed-set';
import { changed, initialState, type TerminalLedgerState } from './terminal-ledger.state';

/** Every field a value no other field holds (numbers, strings) or an object of its own, so a field copied from another shows. */
const distinct: TerminalLedgerState = {
  ...initialState('T-1'),
  nextSequence: 11,
  seenCount: 12,
  seenFrom: 13,
  rememberedFrom: 14,
  parkedCount: 15,
  lastClosedBatchNumber: 16,
  waitingSince: '2026-12-07T10:00:00.000Z',
  operatorId: 'op-1',
  seenEventIds: emptyKeyedSet(),
  earlierEventIds: emptyKeyedSet(),
  parked: emptyKeyed(),
  lateSequences: emptyKeyed(),
  sales: emptyKeyed(),
  refunds: emptyKeyed(),
  disputes: emptyKeyed(),
  skippedGaps: [{ from: 2, to: 3 }],
  batchGaps: [{ from: 4, to: 5 }],
  openBatch: ['a'],
  openHolds: ['b'],
};

describe('changed', () => {
  it('copies every field of the state from that field, in the same order, and leaves the state passed in as it was', () => {
    const before = structuredClone(distinct);
    const copy = changed(distinct, {});
    expect(copy).not.toBe(distinct);
    expect(Object.keys(copy)).toEqual(Object.keys(distinct));
    for (const key of Object.keys(distinct) as (keyof TerminalLedgerState)[]) expect(copy[key]).toBe(distinct[key]);
    expect(distinct).toEqual(before);
  });

  it('gives the changes over the state', () => {
    const next = changed(distinct, { nextSequence: 7, operatorId: null, shift: null });
    expect(next).toEqual({ ...distinct, nextSequence: 7, operatorId: null });
    expect(Object.keys(next)).toEqual(Object.keys(distinct));
  });
});
