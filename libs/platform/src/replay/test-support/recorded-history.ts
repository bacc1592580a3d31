// Ledger histories as the platform records them: the simulator's seeded terminal flows on a simulated clock, decided
// by the domain's terminal ledger decider, appended per transport batch of 100, all terminals' k-th batches at once.
import { randomUUID } from 'node:crypto';
import { DEFAULT_FEE_SCHEDULE, DEFAULT_SEQUENCE_POLICY, parseTerminalEventBatch, terminalLedgerDecider, terminalStream } from '@posledger/domain';
import type { EventStore, NewEvent } from '@posledger/event-store';
import { openRegistry, ProvisionTerminalCommand, RegisterMerchantCommand } from '@posledger/registry';
import { Prng, TrafficScript, terminalSeed, type TerminalEvent } from '@posledger/terminal-simulator';
import type { TerminalLedgerState } from '@posledger/domain';
import { recordBill, recordLostDispute, recordPayouts } from './recorded-money-out';
import { issueStatement } from '../../platform/statements';

const BATCH = 100;
const SIMULATED_START = Date.parse('2026-08-01T08:00:00Z');

export interface RecordedTerminal {
  readonly terminalId: string;
  readonly merchantId: string;
}

function history(terminalId: string, events: number, seed: number): TerminalEvent[] {
  const script = new TrafficScript({ prng: new Prng(terminalSeed(seed, terminalId)), terminalId, currency: 'CNY', clock: { kind: 'simulated', startAt: SIMULATED_START } });
  const flows: TerminalEvent[] = [];
  while (flows.length < events) flows.push(...script.nextFlow());
  return [...flows, ...script.closeBatch()];
}

function ledgerBatches({ terminalId, merchantId }: RecordedTerminal, terminalEvents: readonly TerminalEvent[]): { batches: NewEvent[][]; state: TerminalLedgerState; settledSales: string[] } {
  const decider = terminalLedgerDecider(terminalId);
  let state = decider.initialState();
  const batches: NewEvent[][] = [];
  const settledSales: string[] = [];
  for (let i = 0; i < terminalEvents.length; i += BATCH) {
    const parsed = parseTerminalEventBatch({ events: terminalEvents.slice(i, i + BATCH) });
    if (!parsed.ok) throw new Error(`simulated events fail the contract: ${parsed.errors.map((e) => e.message).join('; ')}`);
    // The first two events of each batch arrive swapped, as a terminal's retry may deliver them: the second is
    // parked, then released, so the histories hold sequence-gap events too.
    const [first, second, ...rest] = parsed.events;
    const delivered = second === undefined ? parsed.events : [second, first, ...rest];
    batches.push(
      delivered.flatMap((event) => {
        const decided = decider.decide({ type: 'RecordTerminalEvent', data: { event, panMasked: false, merchantId, feeSchedule: DEFAULT_FEE_SCHEDULE, operators: {}, receivedAt: event.occurredAt, policy: DEFAULT_SEQUENCE_POLICY } }, state);
        state = decided.reduce((current, e) => decider.evolve(current, e), state);
        for (const e of decided) if (e.type === 'BatchClosed') settledSales.push(...e.data.sales.filter((sale) => sale.method !== 'CASH').map((sale) => sale.transactionId));
        return decided.map((e) => ({ id: randomUUID(), type: e.type, data: e.data, metadata: { receivedAt: event.occurredAt } }));
      }),
    );
  }
  return { batches, state, settledSales };
}

/**
 * Provisions `terminalCount` terminals, 10 per merchant (ids `<prefix>m-001`, `<prefix>t-001-01`), and records the
 * ledger events of about `eventsPerTerminal` terminal events of each; then a lost chargeback on the first terminal,
 * each merchant's payouts, the first merchant's statement of today, and its WeChat Pay bill of the first day with a
 * decision on a discrepancy.
 */
export async function recordHistories(store: EventStore, prefix: string, terminalCount: number, eventsPerTerminal: number, seed: number): Promise<RecordedTerminal[]> {
  const terminals = Array.from({ length: terminalCount }, (_, i) => {
    const merchant = String(Math.floor(i / 10) + 1).padStart(3, '0');
    return { terminalId: `${prefix}t-${merchant}-${String((i % 10) + 1).padStart(2, '0')}`, merchantId: `${prefix}m-${merchant}` };
  });
  const registry = await openRegistry(store);
  for (const merchantId of new Set(terminals.map((terminal) => terminal.merchantId))) {
    await registry.execute(new RegisterMerchantCommand({ merchantId, name: `merchant ${merchantId}`, timeZone: 'Asia/Shanghai', currency: 'CNY', feeSchedule: DEFAULT_FEE_SCHEDULE }));
  }
  for (const { terminalId, merchantId } of terminals) {
    await registry.execute(new ProvisionTerminalCommand({ terminalId, merchantId, secretFingerprint: 'test' }));
  }
  await registry.close();
  const decided = terminals.map((terminal) => ledgerBatches(terminal, history(terminal.terminalId, eventsPerTerminal, seed)));
  for (let round = 0; round < Math.max(...decided.map(({ batches }) => batches.length)); round++) {
    await Promise.all(decided.map(({ batches }, i) => (batches[round] ? store.appendToStream(terminalStream(terminals[i].terminalId), batches[round], 'any') : undefined)));
  }
  await recordLostDispute(store, terminals[0], decided[0].state, decided[0].settledSales);
  for (const merchantId of new Set(terminals.map((terminal) => terminal.merchantId))) await recordPayouts(store, merchantId);
  const statements = await openRegistry(store);
  await issueStatement({ eventStore: store, registry: statements }, terminals[0].merchantId, new Date().toISOString().slice(0, 10));
  await recordBill(store, statements.view, terminals[0].merchantId);
  await statements.close();
  return terminals;
}
