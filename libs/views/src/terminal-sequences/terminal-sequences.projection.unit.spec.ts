import { decideAndEvolve, DEFAULT_FEE_SCHEDULE, DEFAULT_GAP_TIMEOUT_MS, initialState, type LedgerEvent, type TerminalLedgerCommand } from '@posledger/domain';
import { record, TerminalScript, TEST_MERCHANT, tx } from '@posledger/domain/testing';
import { counterDay, rowsOf } from '../testing/counter-day';
import { terminalSequenceRows, type TerminalSequenceRow } from './terminal-sequences.projection';

/** A terminal whose sequence 2 never arrives: sequences 3 and 4 are parked, then the gap times out and is skipped. */
function gapSkipped(): LedgerEvent[] {
  const t = new TerminalScript('t-1');
  const [first, lost, ...after] = [t.signedIn(), ...t.cardSaleRequested(tx(1), 'DEBIT', '800').slice(0, 3)];
  expect(lost.sequence).toBe(2);
  const receivedAt = after[0].occurredAt;
  const commands: TerminalLedgerCommand[] = [
    record(first),
    ...after.map((event) => record(event, { receivedAt })),
    { type: 'SkipExpiredGaps', data: { merchantId: TEST_MERCHANT, feeSchedule: DEFAULT_FEE_SCHEDULE, operators: {}, now: new Date(Date.parse(receivedAt) + DEFAULT_GAP_TIMEOUT_MS).toISOString(), policy: { gapTimeoutMs: DEFAULT_GAP_TIMEOUT_MS } } },
  ];
  let state = initialState('t-1');
  const events: LedgerEvent[] = [];
  for (const command of commands) {
    const decision = decideAndEvolve(command, state);
    state = decision.state;
    events.push(...decision.events);
  }
  return events;
}

const pick = ({ kind, parked_delta, next_sequence, skipped_from, skipped_to, skip_reason }: TerminalSequenceRow) => ({ kind, parked_delta, next_sequence, skipped_from, skipped_to, skip_reason });

describe('terminal sequences view', () => {
  it('given events parked behind a gap that is then skipped, then +1 per parked event, the skip, and their release', () => {
    const rows = rowsOf(gapSkipped(), terminalSequenceRows);

    expect(rows.map(pick)).toEqual([
      { kind: 'PARKED', parked_delta: 1, next_sequence: 2, skipped_from: 0, skipped_to: 0, skip_reason: '' },
      { kind: 'PARKED', parked_delta: 1, next_sequence: 2, skipped_from: 0, skipped_to: 0, skip_reason: '' },
      { kind: 'SKIPPED', parked_delta: 0, next_sequence: 3, skipped_from: 2, skipped_to: 2, skip_reason: 'TIMEOUT' },
      { kind: 'RELEASED', parked_delta: -2, next_sequence: 5, skipped_from: 0, skipped_to: 0, skip_reason: '' },
    ]);
    expect(rows.reduce((parked, row) => parked + row.parked_delta, 0)).toBe(0);
    expect(rows[0].waiting_since).toBe(rows[2].waiting_since);
  });

  it('given a terminal in sequence, then no row', () => {
    expect(rowsOf(counterDay(), terminalSequenceRows)).toEqual([]);
  });
});
