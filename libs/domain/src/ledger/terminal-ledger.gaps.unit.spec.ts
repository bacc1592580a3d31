import fc from 'fast-check';
import { TerminalEvent } from '../terminal-events/terminal-event';
import { DEFAULT_FEE_SCHEDULE } from './fee-schedule';
import { DeciderSpecification, historyOf, record, replay, TerminalScript, testUuid, tx, TEST_MERCHANT } from '../testing';
import { LedgerEvent } from './ledger-events';
import { DEFAULT_GAP_TIMEOUT_MS, MAX_PARKED_EVENTS } from './sequence-policy';
import { decideAndEvolve, evolve, initialState, SkipExpiredGaps, terminalLedgerDecider, TerminalLedgerState } from './terminal-ledger.decider';

const spec = () => DeciderSpecification.for(terminalLedgerDecider('t-1'));
const later = (instant: string, ms: number): string => new Date(Date.parse(instant) + ms).toISOString();
const tick = (now: string): SkipExpiredGaps => ({
  type: 'SkipExpiredGaps',
  data: { merchantId: TEST_MERCHANT, feeSchedule: DEFAULT_FEE_SCHEDULE, operators: {}, now, policy: { gapTimeoutMs: DEFAULT_GAP_TIMEOUT_MS } },
});
const types = (events: readonly LedgerEvent[]) => events.map((e) => e.type);

/** A signed-in terminal whose sequence 2 never arrives; sequences 3 and 4 (a card step and a sign-out) wait behind it. */
function terminalWithGap() {
  const t = new TerminalScript();
  const signIn = t.signedIn();
  const lost = t.cardInserted(tx(1));
  const [methodSelected, signOut] = [t.methodSelected(tx(2), 'ALIPAY'), t.signedOut()];
  return { t, signIn, lost, ahead: [methodSelected, signOut], given: historyOf(signIn, methodSelected, signOut) };
}

describe('invariant 9: a sequence gap is waited on for a bounded time, then skipped', () => {
  it('within the timeout an event ahead of the gap is only parked', () => {
    const { t, given, ahead } = terminalWithGap();
    const next = t.signedIn('op-2');
    const { events, state } = spec().given(given).when(record(next, { receivedAt: later(ahead[0].occurredAt, DEFAULT_GAP_TIMEOUT_MS - 1) })).thenResult();
    expect(types(events)).toEqual(['TerminalEventParked']);
    expect(state.parkedCount).toBe(3);
  });

  it('the clock skips an expired gap with SequenceGapSkipped, then applies the parked events in order', () => {
    const { given, ahead } = terminalWithGap();
    const now = later(ahead[0].occurredAt, DEFAULT_GAP_TIMEOUT_MS);
    const { events, state } = spec().given(given).when(tick(now)).thenResult();
    expect(types(events)).toEqual([
      'SequenceGapSkipped', 'TerminalEventRecorded', 'SaleDetailsCaptured', 'TerminalEventRecorded', 'OperatorSignedOut', 'ParkedEventsReleased',
    ]);
    expect(events[0].data).toMatchObject({ from: 2, to: 2, reason: 'TIMEOUT', waitingSince: ahead[0].occurredAt, skippedAt: now });
    expect(state).toMatchObject({ nextSequence: 5, parkedCount: 0, waitingSince: null, skippedGaps: [{ from: 2, to: 2 }] });
  });

  it('the clock decides nothing before the timeout, nor for a terminal holding nothing', () => {
    const { given, ahead } = terminalWithGap();
    spec().given(given).when(tick(later(ahead[0].occurredAt, DEFAULT_GAP_TIMEOUT_MS - 1))).thenNothingHappened();
    spec().given([]).when(tick(later(ahead[0].occurredAt, 10 * DEFAULT_GAP_TIMEOUT_MS))).thenNothingHappened();
  });

  it('an event arriving after the timeout skips the gap itself, without waiting for the clock', () => {
    const { t, given, ahead } = terminalWithGap();
    const next = t.signedIn('op-2');
    const { events, state } = spec().given(given).when(record(next, { receivedAt: later(ahead[0].occurredAt, DEFAULT_GAP_TIMEOUT_MS) })).thenResult();
    expect(types(events)[0]).toBe('TerminalEventParked');
    expect(types(events)).toContain('SequenceGapSkipped');
    expect(state).toMatchObject({ nextSequence: 6, parkedCount: 0, operatorId: 'op-2' });
  });

  it('a missing event that arrives after its gap was skipped is applied if the rules accept it', () => {
    const { given, ahead, lost } = terminalWithGap();
    const skipped = spec().given(given).when(tick(later(ahead[0].occurredAt, DEFAULT_GAP_TIMEOUT_MS))).thenResult().events;
    const { events, state } = spec().given([...given, ...skipped]).when(record(lost)).thenResult();
    // Sequence 2 is a card step of tx(1), but the operator signed out (sequence 4): the rules refuse it, visibly.
    expect(types(events)).toEqual(['TerminalEventRecorded', 'TerminalEventRejected']);
    expect(events[1].data).toMatchObject({ code: 'OPERATOR_NOT_SIGNED_IN', sequence: 2 });
    expect(state.nextSequence).toBe(5);
  });

  it('a late event the rules accept is applied, and its sequence cannot be used twice', () => {
    const t = new TerminalScript();
    const signIn = t.signedIn();
    const lost = t.signedOut();
    const ahead = t.signedIn('op-2');
    const given = historyOf(signIn, ahead);
    const skipped = spec().given(given).when(tick(later(ahead.occurredAt, DEFAULT_GAP_TIMEOUT_MS))).thenResult().events;
    const { events, state } = spec().given([...given, ...skipped]).when(record(lost)).thenResult();
    expect(types(events)).toEqual(['TerminalEventRecorded', 'OperatorSignedOut']);
    const impostor = { ...lost, eventId: testUuid(0x5eed, 9) };
    const again = decideAndEvolve(record(impostor), state);
    expect(again.events.map((e) => [e.type, (e.data as { code?: string }).code])).toEqual([['TerminalEventRejected', 'SEQUENCE_REUSED']]);
  });

  it(`a terminal holds at most ${MAX_PARKED_EVENTS} parked events: one more skips its gaps at once`, () => {
    const t = new TerminalScript();
    t.signedIn();
    const ahead = Array.from({ length: MAX_PARKED_EVENTS + 1 }, (_, i) => (i % 2 === 0 ? t.signedIn(`op-${i}`) : t.signedOut()));
    const receivedAt = ahead[0].occurredAt;
    const { events, state } = replay(ahead, { receivedAt });
    const skip = events.find((e) => e.type === 'SequenceGapSkipped');
    expect(skip?.data).toMatchObject({ from: 1, to: 1, reason: 'PARKED_LIMIT' });
    expect(state).toMatchObject({ parkedCount: 0, nextSequence: MAX_PARKED_EVENTS + 3 });
  });

  it('a batch closed over a skipped gap reconciles as MISMATCH even when its totals match, and names the gap', () => {
    const t = new TerminalScript();
    const sale = [t.signedIn(), ...t.cardSaleRequested(tx(1), 'DEBIT', '1000'), t.approved(tx(1))];
    t.signedOut();
    const close = t.settlementClosed(1, [{ method: 'DEBIT', count: 1, amountMinor: '1000', currency: 'CNY' }]);
    const given = historyOf(...sale, close);
    const skipped = spec().given(given).when(tick(later(close.occurredAt, DEFAULT_GAP_TIMEOUT_MS))).thenResult().events;
    const closed = skipped.find((e) => e.type === 'BatchClosed');
    expect(closed?.data).toMatchObject({ status: 'MISMATCH', differences: [], sequenceGaps: [{ from: close.sequence - 1, to: close.sequence - 1 }] });
  });

  it('no event is ever lost: any arrival order with holes, then the clock, records or rejects every event that arrived', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 2, maxLength: 40 }), fc.integer({ min: 0, max: 1_000_000 }), (kept, seed) => {
        const t = new TerminalScript();
        const all: TerminalEvent[] = kept.map((_, i) => (i % 2 === 0 ? t.signedIn(`op-${i}`) : t.signedOut()));
        const arrived = all.filter((_, i) => kept[i]).sort((a, b) => ((a.sequence * 7919 + seed) % 97) - ((b.sequence * 7919 + seed) % 97));
        const receivedAt = all[0].occurredAt;
        let state: TerminalLedgerState = initialState('t-1');
        const events: LedgerEvent[] = [];
        for (const command of [...arrived.map((e) => record(e, { receivedAt })), tick(later(receivedAt, DEFAULT_GAP_TIMEOUT_MS))]) {
          const decision = decideAndEvolve(command, state);
          events.push(...decision.events);
          state = decision.state;
        }
        const settled = new Set(events.flatMap((e) => (e.type === 'TerminalEventRecorded' ? [e.data.event.eventId] : e.type === 'TerminalEventRejected' ? [e.data.eventId] : [])));
        expect(arrived.filter((e) => !settled.has(e.eventId))).toEqual([]);
        expect(state.parkedCount).toBe(0);
        expect(events.reduce(evolve, initialState('t-1'))).toEqual(state);
      }),
      { numRuns: 200 },
    );
  });
});
