// A lost chargeback on one of a terminal's settled sales and the merchant's payouts (one confirmed) over what its
// terminals recorded, decided by the domain's deciders, and an imported bill: so that a recorded history fills the
// disputes, payouts and reconciliation views.
import { randomUUID } from 'node:crypto';
import {
  decidePayouts, DEFAULT_FEE_SCHEDULE, DisputeRefusedError, evolvePayouts, initialPayoutsState, payoutStream, terminalLedgerDecider, terminalStream, wechatPayBillText,
  type TerminalLedgerState,
} from '@posledger/domain';
import type { EventStore } from '@posledger/event-store';
import { PayoutMovementsReader } from '@posledger/ledger';
import type { RegistryView } from '@posledger/registry';
import { importBill, resolveDiscrepancy } from '@posledger/reports';
import type { RecordedTerminal } from './recorded-history';

const NOW = '2026-08-03T08:00:00.000Z';
const asNew = (event: { type: string; data: object }) => ({ id: randomUUID(), type: event.type, data: event.data as Record<string, never> });

/** Opens a chargeback of 1 minor unit on the first of `candidates` that can be disputed, and loses it with a fee. */
export async function recordLostDispute(store: EventStore, { terminalId, merchantId }: RecordedTerminal, state: TerminalLedgerState, candidates: readonly string[]): Promise<void> {
  const decider = terminalLedgerDecider(terminalId);
  const context = { merchantId, feeSchedule: DEFAULT_FEE_SCHEDULE, operators: {} };
  for (const transactionId of candidates) {
    try {
      const opened = decider.decideAndEvolve({ type: 'OpenDispute', data: { ...context, disputeId: 'cb-1', transactionId, amount: { currency: 'CNY', minor: '1' }, reason: 'recorded history', now: NOW } }, state);
      const lost = decider.decideAndEvolve({ type: 'ResolveDispute', data: { ...context, disputeId: 'cb-1', outcome: 'LOST', fee: { currency: 'CNY', minor: '1500' }, now: NOW } }, opened.state);
      await store.appendToStream(terminalStream(terminalId), [...opened.events, ...lost.events].map(asNew), 'any');
      return;
    } catch (error) {
      if (!(error instanceof DisputeRefusedError)) throw error;
    }
  }
  throw new Error(`no sale of ${terminalId} could be disputed`);
}

/** Pays out everything the merchant's terminals recorded, then confirms the first payout. */
export async function recordPayouts(store: EventStore, merchantId: string): Promise<void> {
  const { movements, throughPosition } = await new PayoutMovementsReader(store).read(merchantId, 0n, '2100-01-01T00:00:00.000Z');
  const scheduled = decidePayouts({ type: 'SchedulePayouts', data: { merchantId, cutoffAt: NOW, valueDate: '2026-08-04', throughPosition, movements } }, initialPayoutsState(merchantId));
  const state = scheduled.reduce(evolvePayouts, initialPayoutsState(merchantId));
  const [payoutId] = Object.keys(state.payouts);
  const paid = payoutId === undefined ? [] : decidePayouts({ type: 'ConfirmPayout', data: { merchantId, payoutId, bankReference: 'BANK-1', now: NOW } }, state);
  await store.appendToStream(payoutStream(merchantId), [...scheduled, ...paid].map(asNew), 'any');
}

/** The merchant's WeChat Pay bill of the history's first day with one sale the ledger never saw, imported, and a decision on it. */
export async function recordBill(store: EventStore, registry: RegistryView, merchantId: string): Promise<void> {
  const bill = wechatPayBillText([{ kind: 'SALE', reference: '4200000000202608010001', merchantReference: '', refundReference: '', localTime: '2026-08-01 16:00:00', amount: { currency: 'CNY', minor: '999' }, fee: { currency: 'CNY', minor: '6' } }]);
  const { discrepancies } = await importBill({ eventStore: store, registry }, { merchantId, source: 'wechat-pay', bytes: Buffer.from(bill), fileName: 'wechat-20260801.csv', importedBy: 'recorded history' });
  const extra = discrepancies.find((found) => found.kind === 'MISSING_IN_LEDGER');
  if (!extra) throw new Error('the bill’s extra sale was not reported');
  await resolveDiscrepancy({ eventStore: store, registry }, { merchantId, discrepancyId: extra.discrepancyId, decision: 'WRITE_OFF', note: 'not ours', decidedBy: 'recorded history' });
}
