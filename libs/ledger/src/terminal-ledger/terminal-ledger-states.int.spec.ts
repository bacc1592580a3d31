// The folded states kept in memory stay within their bound of events of history: the terminals used longest ago are
// dropped, and folded again from the event store, to the same state, when they next send.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { terminalStream, type LedgerEvent } from '@posledger/domain';
import { settledSales } from '@posledger/domain/testing';
import { createLmdbEventStore, type EventStore } from '@posledger/event-store';
import { ledgerEventId } from './ledger-event-id';
import { STATE_COST_IN_EVENTS, TerminalLedgerStates, type LoadedTerminalLedger } from './terminal-ledger-states';

async function append(store: EventStore, terminalId: string, events: readonly LedgerEvent[]): Promise<number> {
  await store.appendToStream(terminalStream(terminalId), events.map((event, n) => ({ id: ledgerEventId(`${terminalId}/${n}`, event.type, 0), type: event.type, data: event.data })), 'no_stream');
  return events.length;
}

describe('the folded terminal ledgers', () => {
  const dir = mkdtempSync(join(tmpdir(), 'posledger-ledger-states-'));
  let store: EventStore;
  let historyOf: Record<string, number>;
  /** What terminals count against the bound: their events and their states' own cost. */
  const weight = (...terminalIds: string[]) => terminalIds.reduce((sum, terminalId) => sum + historyOf[terminalId] + STATE_COST_IN_EVENTS, 0);

  beforeAll(async () => {
    store = await createLmdbEventStore({ path: join(dir, 'events') });
    historyOf = {
      't-a': await append(store, 't-a', settledSales('t-a', 'm-a', ['100', '200'])),
      't-b': await append(store, 't-b', settledSales('t-b', 'm-a', ['300', '400', '500'])),
      't-c': await append(store, 't-c', settledSales('t-c', 'm-a', ['600'])),
      't-big': await append(store, 't-big', settledSales('t-big', 'm-a', Array.from({ length: 40 }, (_, n) => String(100 + n)))),
    };
  });

  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function loadAll(states: TerminalLedgerStates, terminalIds: readonly string[]): Promise<Record<string, LoadedTerminalLedger>> {
    const loaded: Record<string, LoadedTerminalLedger> = {};
    for (const terminalId of terminalIds) loaded[terminalId] = await states.get(terminalId);
    return loaded;
  }

  it('keeps every terminal when no bound is given', async () => {
    const states = new TerminalLedgerStates(store);
    const first = await loadAll(states, ['t-a', 't-b', 't-c', 't-big']);
    for (const terminalId of Object.keys(first)) expect(await states.get(terminalId)).toBe(first[terminalId]);
  });

  it('drops the terminal used longest ago past the bound, and folds it again to the same state', async () => {
    const states = new TerminalLedgerStates(store, weight('t-a', 't-b'));
    const first = await loadAll(states, ['t-a', 't-b']);
    expect(first['t-a'].revision).toBe(BigInt(historyOf['t-a'] - 1));

    const c = await states.get('t-c');
    expect(await states.get('t-b')).toBe(first['t-b']);
    expect(await states.get('t-c')).toBe(c);
    const again = await states.get('t-a');
    expect(again).not.toBe(first['t-a']);
    expect(again).toEqual(first['t-a']);
  });

  it('counts a use as a send does: the terminal read last stays', async () => {
    const states = new TerminalLedgerStates(store, weight('t-a', 't-b'));
    const first = await loadAll(states, ['t-a', 't-b']);
    await states.get('t-a');
    await states.get('t-c');
    expect(await states.get('t-a')).toBe(first['t-a']);
    expect(await states.get('t-b')).not.toBe(first['t-b']);
  });

  it("counts a terminal's history as it grows with each append", async () => {
    const states = new TerminalLedgerStates(store, weight('t-a', 't-b', 't-c'));
    const first = await loadAll(states, ['t-a', 't-b', 't-c']);
    // t-c's state after an append of 20 events: its history now pushes the total over the bound.
    states.set('t-c', { state: first['t-c'].state, revision: (first['t-c'].revision as bigint) + 20n });
    expect(await states.get('t-a')).not.toBe(first['t-a']);
  });

  it('keeps a terminal whose history alone is over the bound, and drops every other', async () => {
    const states = new TerminalLedgerStates(store, weight('t-big') - 1);
    const first = await loadAll(states, ['t-a', 't-big']);
    expect(await states.get('t-big')).toBe(first['t-big']);
    expect(await states.get('t-a')).not.toBe(first['t-a']);
  });

  it('still names the terminals holding parked events or pre-authorisations once it drops them, for the clock', async () => {
    const states = new TerminalLedgerStates(store, weight('t-a', 't-b'));
    const a = await states.get('t-a');
    states.set('t-a', { ...a, state: { ...a.state, parkedCount: 1, openHolds: ['tx-held'] } });
    await loadAll(states, ['t-b', 't-c']);
    expect(states.holdingParkedEvents()).toEqual(['t-a']);
    expect(states.holdingPreAuthorizations()).toEqual(['t-a']);
    // Folded again from its stream, which parks and holds nothing: the clock no longer needs it.
    expect(await states.get('t-a')).not.toBe(a);
    expect(states.holdingParkedEvents()).toEqual([]);
    expect(states.holdingPreAuthorizations()).toEqual([]);
  });

  it("counts a state's own cost beside its events", async () => {
    const states = new TerminalLedgerStates(store, historyOf['t-a'] + historyOf['t-b'] + STATE_COST_IN_EVENTS);
    const first = await loadAll(states, ['t-a', 't-b']);
    expect(await states.get('t-b')).toBe(first['t-b']);
    expect(await states.get('t-a')).not.toBe(first['t-a']);
  });

  it('forgets a terminal and its history count', async () => {
    const states = new TerminalLedgerStates(store, weight('t-a', 't-b'));
    const first = await loadAll(states, ['t-a', 't-b']);
    states.forget('t-b');
    await states.get('t-c');
    expect(await states.get('t-a')).toBe(first['t-a']);
  });
});
