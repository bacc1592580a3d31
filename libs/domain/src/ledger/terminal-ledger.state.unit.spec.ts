import { changed, initialState } from './terminal-ledger.state';

describe('changed', () => {
  it('gives a new state with the changes over every other field of the one passed in, which stays as it was', () => {
    const state = initialState('T-1');
    const before = structuredClone(state);
    const next = changed(state, { nextSequence: 7, operatorId: 'op-1', shift: null });
    expect(next).not.toBe(state);
    expect(state).toEqual(before);
    expect(next).toEqual({ ...before, nextSequence: 7, operatorId: 'op-1' });
    expect(Object.keys(next)).toEqual(Object.keys(state));
    expect(next.sales).toBe(state.sales);
  });
});
