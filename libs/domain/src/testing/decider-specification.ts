/**
 * Given/when/then for deciders (after emmett's DeciderSpecification), for tests only:
 *
 *   DeciderSpecification.for(decider).given(pastEvents).when(command).then(expectedEvents)
 *   DeciderSpecification.for(decider).given(pastEvents).when(command).thenThrows(SomeError)
 *
 * It runs under Jest and uses its global `expect` for readable diffs.
 */
export interface Decider<State, Command, Event> {
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event): State;
  initialState(): State;
}

type ErrorClass = abstract new (...args: never[]) => Error;

export interface ThenStep<State, Event> {
  /** The command decided exactly these events, in order. */
  then(expected: Event[]): void;
  /** The command decided no events. */
  thenNothingHappened(): void;
  /** The command threw an error of this class (and, when given, the predicate holds for it). */
  thenThrows(errorClass: ErrorClass, predicate?: (error: Error) => boolean): void;
  /** For assertions of shape: the decided events and the state they lead to. */
  thenResult(): { events: Event[]; state: State };
}

export interface WhenStep<State, Command, Event> {
  when(command: Command): ThenStep<State, Event>;
}

function specify<State, Command, Event>(decider: Decider<State, Command, Event>, given: Event[]): WhenStep<State, Command, Event> {
  return {
    when(command) {
      const state = given.reduce(decider.evolve, decider.initialState());
      const run = () => decider.decide(command, state);
      return {
        then(expected) {
          expect(run()).toEqual(expected);
        },
        thenNothingHappened() {
          expect(run()).toEqual([]);
        },
        thenThrows(errorClass, predicate) {
          let thrown: unknown;
          try {
            run();
          } catch (error) {
            thrown = error;
          }
          expect(thrown).toBeInstanceOf(errorClass);
          if (predicate) expect(predicate(thrown as Error)).toBe(true);
        },
        thenResult() {
          const events = run();
          return { events, state: events.reduce(decider.evolve, state) };
        },
      };
    },
  };
}

export const DeciderSpecification = {
  for<State, Command, Event>(decider: Decider<State, Command, Event>) {
    return {
      given(events: Event[]): WhenStep<State, Command, Event> {
        return specify(decider, events);
      },
    };
  },
};
