import fc from 'fast-check';
import { record } from '../testing';
import { redelivery, terminalHistory } from '../testing/terminal-history.arbitraries';
import type { TerminalEvent } from '../terminal-events/terminal-event';
import { decide, decideAndEvolve, evolve, initialState } from './terminal-ledger.decider';

/**
 * A duplicated, shuffled redelivery with a few impostors (an event's copy under a new eventId) slipped in, so that
 * every branch is taken: in sequence, parked then released, already seen, sequence reused.
 */
const delivery: fc.Arbitrary<TerminalEvent[]> = terminalHistory().chain((history) =>
  fc
    .tuple(redelivery(history), fc.array(fc.tuple(fc.nat({ max: history.length - 1 }), fc.uuid(), fc.nat()), { maxLength: 3 }))
    .map(([delivered, impostors]) => {
      const events = [...delivered];
      for (const [index, eventId, at] of impostors) events.splice(at % (events.length + 1), 0, { ...history[index], eventId });
      return events;
    }),
);

describe('decideAndEvolve', () => {
  it('gives the events of decide and the state of folding evolve over them, for every command of any delivery', () => {
    fc.assert(
      fc.property(delivery, fc.boolean(), (delivered, panMasked) => {
        let state = initialState('t-1');
        for (const event of delivered) {
          const command = record(event, { panMasked });
          const events = decide(command, state);
          const decision = decideAndEvolve(command, state);
          expect(decision.events).toEqual(events);
          expect(decision.state).toEqual(events.reduce(evolve, state));
          state = decision.state;
        }
      }),
      { numRuns: 100 },
    );
  });
});
