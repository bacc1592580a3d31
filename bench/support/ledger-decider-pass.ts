// One pass of the ledger over every terminal's batches: round k decides each terminal's k-th batch, the state of
// each terminal carried from batch to batch as RecordTerminalEventsService keeps it.
import { DEFAULT_FEE_SCHEDULE, DEFAULT_SEQUENCE_POLICY, type LedgerEvent, type TerminalLedgerCommand, type TerminalLedgerState } from '@posledger/domain';
import type { TerminalWorkload } from './ledger-decider-workload';

export type DecideStep = (command: TerminalLedgerCommand, state: TerminalLedgerState) => { events: LedgerEvent[]; state: TerminalLedgerState };

export interface PassResult {
  readonly ledgerEvents: number;
  readonly states: ReadonlyMap<string, TerminalLedgerState>;
}

export function decidePass(workloads: readonly TerminalWorkload[], initial: (terminalId: string) => TerminalLedgerState, step: DecideStep): PassResult {
  const states = new Map(workloads.map(({ terminal }) => [terminal.terminalId, initial(terminal.terminalId)]));
  const rounds = Math.max(...workloads.map((w) => w.batches.length));
  let ledgerEvents = 0;
  for (let round = 0; round < rounds; round++) {
    for (const { terminal, batches } of workloads) {
      const batch = batches[round];
      if (batch === undefined) continue;
      let state = states.get(terminal.terminalId) ?? initial(terminal.terminalId);
      for (const event of batch) {
        const command: TerminalLedgerCommand = {
          type: 'RecordTerminalEvent',
          data: { event, panMasked: false, merchantId: terminal.merchantId, feeSchedule: DEFAULT_FEE_SCHEDULE, operators: {}, receivedAt: event.occurredAt, policy: DEFAULT_SEQUENCE_POLICY },
        };
        const decided = step(command, state);
        ledgerEvents += decided.events.length;
        state = decided.state;
      }
      states.set(terminal.terminalId, state);
    }
  }
  return { ledgerEvents, states };
}
