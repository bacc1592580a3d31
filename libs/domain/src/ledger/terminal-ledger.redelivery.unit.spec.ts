import fc from 'fast-check';
import { TerminalEvent } from '../terminal-events/terminal-event';
import { DEFAULT_FEE_SCHEDULE } from './fee-schedule';
import { keyedSetValues } from './keyed-set';
import { record, replay, TerminalScript, testUuid } from '../testing';
import { DEFAULT_GAP_TIMEOUT_MS, REMEMBERED_EVENT_IDS } from './sequence-policy';
import { decideAndEvolve, SkipExpiredGaps, TerminalLedgerState } from './terminal-ledger.decider';
import { LedgerEvent } from './ledger-events';

const types = (events: readonly LedgerEvent[]) => events.map((e) => e.type);
const rememberedIds = (state: TerminalLedgerState) => keyedSetValues(state.seenEventIds).length + keyedSetValues(state.earlierEventIds).length;
/** The state but for the ids it remembers. */
function ledgerOf(state: TerminalLedgerState) {
  const { seenEventIds: _seen, seenCount: _count, earlierEventIds: _earlier, seenFrom: _from, rememberedFrom: _remembered, ...ledger } = state;
  return ledger;
}

/** A terminal signing in and out, `count` events in sequence. */
function shiftChanges(t: TerminalScript, count: number): TerminalEvent[] {
  return Array.from({ length: count }, (_, i) => (i % 2 === 0 ? t.signedIn(`op-${i % 7}`) : t.signedOut()));
}

describe('a terminal remembers its most recent event ids for redelivery, not all of them', () => {
  it(`after ${3 * REMEMBERED_EVENT_IDS} events it holds at most ${2 * REMEMBERED_EVENT_IDS} ids, and a redelivery of any of the last ${REMEMBERED_EVENT_IDS} is a no-op`, () => {
    const history = shiftChanges(new TerminalScript(), 3 * REMEMBERED_EVENT_IDS + 5);
    const { state } = replay(history);
    expect(rememberedIds(state)).toBeLessThanOrEqual(2 * REMEMBERED_EVENT_IDS);
    expect(rememberedIds(state)).toBeGreaterThanOrEqual(REMEMBERED_EVENT_IDS);
    for (const event of history.slice(-REMEMBERED_EVENT_IDS)) {
      expect(decideAndEvolve(record(event), state)).toEqual({ events: [], state });
    }
  });

  it('an event older than the remembered ids is refused as a reused sequence that says so, and changes nothing else', () => {
    const history = shiftChanges(new TerminalScript(), 3 * REMEMBERED_EVENT_IDS);
    const { state } = replay(history);
    const { events, state: after } = decideAndEvolve(record(history[0]), state);
    expect(types(events)).toEqual(['TerminalEventRejected']);
    expect(events[0].data).toMatchObject({ code: 'SEQUENCE_REUSED', reason: `sequence 1 was decided before the ${REMEMBERED_EVENT_IDS} most recent events whose ids are remembered` });
    expect(ledgerOf(after)).toEqual(ledgerOf(state));
  });

  it('a parked event stays recognised after its id is forgotten: redelivering it is a no-op, not a reused sequence', () => {
    const t = new TerminalScript();
    const signIn = t.signedIn();
    t.signedOut();
    const ahead = t.signedIn('op-2');
    // Impostors reuse sequence 1 with new ids: each is refused and remembered, pushing the parked event's id out.
    const impostors = Array.from({ length: 2 * REMEMBERED_EVENT_IDS + 1 }, (_, i) => ({ ...signIn, eventId: testUuid(0x1e, i) }));
    const receivedAt = ahead.occurredAt;
    const { state } = replay([signIn, ahead, ...impostors], { receivedAt });
    expect(state.parkedCount).toBe(1);
    expect(rememberedIds(state)).toBeLessThanOrEqual(2 * REMEMBERED_EVENT_IDS);
    expect(decideAndEvolve(record(ahead, { receivedAt }), state).events).toEqual([]);
  });

  it('a missing event that arrives after its gap was skipped is applied even when it is older than the remembered ids', () => {
    const t = new TerminalScript();
    const signIn = t.signedIn();
    const lost = t.signedOut();
    const rest = shiftChanges(t, 3 * REMEMBERED_EVENT_IDS);
    const receivedAt = rest[0].occurredAt;
    const tick: SkipExpiredGaps = {
      type: 'SkipExpiredGaps',
      data: { merchantId: 'm-1', feeSchedule: DEFAULT_FEE_SCHEDULE, operators: {}, now: new Date(Date.parse(receivedAt) + DEFAULT_GAP_TIMEOUT_MS).toISOString(), policy: { gapTimeoutMs: DEFAULT_GAP_TIMEOUT_MS } },
    };
    const parked = replay([signIn, rest[0]], { receivedAt }).state;
    const skipped = decideAndEvolve(tick, parked).state;
    const { state } = rest.slice(1).reduce((s, event) => ({ state: decideAndEvolve(record(event, { receivedAt }), s.state).state }), { state: skipped });
    expect(state.rememberedFrom).toBeGreaterThan(lost.sequence);
    const { events } = decideAndEvolve(record(lost, { receivedAt }), state);
    expect(types(events)[0]).toBe('TerminalEventRecorded');
  });

  it('property: whatever the history length, the remembered ids stay within two generations and the last generation always answers redelivery', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 * REMEMBERED_EVENT_IDS }), (length) => {
        const history = shiftChanges(new TerminalScript(), length);
        const { state } = replay(history);
        expect(rememberedIds(state)).toBeLessThanOrEqual(2 * REMEMBERED_EVENT_IDS);
        const recent = history.slice(-REMEMBERED_EVENT_IDS);
        const sample = [recent[0], recent[Math.floor(recent.length / 2)], recent[recent.length - 1]];
        for (const event of sample) expect(decideAndEvolve(record(event), state).events).toEqual([]);
      }),
      { numRuns: 12 },
    );
  });
});
