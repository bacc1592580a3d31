import { Bill } from './bill';
import { BillEvent, BillImported, BillReconciled, DISCREPANCY_DECISIONS, DiscrepancyDecision, DiscrepancyResolved } from './bill-events';
import { BillRefusedError } from './bill-refused.error';
import { LedgerBatch, LedgerTrade } from './ledger-trades';
import { matchBankConfirmations } from './match-bank-confirmation';
import { matchBill } from './match-bill';
import { PayoutsState } from '../payouts/payouts.decider';

export interface ImportBill {
  readonly type: 'ImportBill';
  readonly data: {
    readonly merchantId: string;
    readonly timeZone: string;
    readonly bill: Bill & { readonly date: string };
    readonly sha256: string;
    readonly fileName: string;
    readonly importedBy: string;
    readonly now: string;
    /** The merchant's trades and batches as the store held them through `throughPosition`. */
    readonly ledger: { readonly trades: readonly LedgerTrade[]; readonly batches: readonly LedgerBatch[] };
    /** The merchant's payouts, which a bank's confirmation is matched against. */
    readonly payouts?: PayoutsState['payouts'];
    readonly throughPosition: bigint;
  };
}

export interface ResolveDiscrepancy {
  readonly type: 'ResolveDiscrepancy';
  readonly data: { readonly merchantId: string; readonly discrepancyId: string; readonly decision: string; readonly note: string; readonly decidedBy: string; readonly now: string };
}

export type BillsCommand = ImportBill | ResolveDiscrepancy;

/**
 * What the merchant's bills leave to decide on: the files imported, how many discrepancies were found (numbered from
 * 1, each reconciliation numbering on), and the latest decision on each one decided; the others are open. A
 * reconciliation of many discrepancies only moves the count, so a fold of the bills costs each bill once.
 */
export interface BillsState {
  readonly imported: readonly string[];
  readonly decisions: Readonly<Record<string, DiscrepancyDecision>>;
  readonly discrepancyCount: number;
}

export const initialBillsState = (): BillsState => ({ imported: [], decisions: {}, discrepancyCount: 0 });

const discrepancyId = (n: number) => `DSC-${String(n).padStart(6, '0')}`;

/** A discrepancy's latest decision, OPEN if found and not decided yet, undefined if none has that id. */
function discrepancyStatus(state: BillsState, id: string): DiscrepancyDecision | 'OPEN' | undefined {
  const decided = state.decisions[id];
  if (decided !== undefined) return decided;
  const n = Number(id.slice('DSC-'.length));
  return Number.isInteger(n) && n >= 1 && n <= state.discrepancyCount && discrepancyId(n) === id ? 'OPEN' : undefined;
}

function importBill({ data }: ImportBill, state: BillsState): BillEvent[] {
  if (state.imported.includes(data.sha256)) return [];
  const { merchantId, bill, sha256, fileName, importedBy, now } = data;
  const { source, lines } = bill;
  const match = source === 'bank' ? matchBankConfirmations(bill, data.payouts ?? {}) : matchBill(bill, data.timeZone, data.ledger);
  const imported: BillImported = { type: 'BillImported', data: { merchantId, source, date: bill.date, sha256, fileName, importedBy, importedAt: now, lines } };
  const reconciled: BillReconciled = {
    type: 'BillReconciled',
    data: {
      merchantId, source, date: bill.date, sha256, throughPosition: data.throughPosition.toString(), reconciledAt: now, matched: match.matched,
      discrepancies: match.discrepancies.map((found, n) => ({ discrepancyId: discrepancyId(state.discrepancyCount + n + 1), ...found })),
      threeWay: match.threeWay,
      actions: match.actions,
    },
  };
  return [imported, reconciled];
}

function resolve({ data }: ResolveDiscrepancy, state: BillsState): DiscrepancyResolved[] {
  const current = discrepancyStatus(state, data.discrepancyId);
  if (current === undefined) throw new BillRefusedError('UNKNOWN_DISCREPANCY', `merchant ${data.merchantId} has no discrepancy ${data.discrepancyId}`);
  if (!(DISCREPANCY_DECISIONS as readonly string[]).includes(data.decision)) {
    throw new BillRefusedError('INVALID_DECISION', `a decision is one of ${DISCREPANCY_DECISIONS.join(', ')}; got ${JSON.stringify(data.decision)}`);
  }
  if (data.decidedBy.trim() === '') throw new BillRefusedError('INVALID_DECISION', 'a decision names who made it');
  if (current === 'ACCEPT_BILL' || current === 'WRITE_OFF') throw new BillRefusedError('DISCREPANCY_RESOLVED', `${data.discrepancyId} was already decided: ${current}`);
  const { merchantId, discrepancyId: id, note, decidedBy, now } = data;
  return [{ type: 'DiscrepancyResolved', data: { merchantId, discrepancyId: id, decision: data.decision as DiscrepancyDecision, note, decidedBy: decidedBy.trim(), decidedAt: now } }];
}

/** A bill file already imported (the same bytes) changes nothing; ACCEPT_BILL and WRITE_OFF are final, INVESTIGATE is not. */
export function decideBills(command: BillsCommand, state: BillsState): BillEvent[] {
  return command.type === 'ImportBill' ? importBill(command, state) : resolve(command, state);
}

export function evolveBills(state: BillsState, event: BillEvent): BillsState {
  switch (event.type) {
    case 'BillImported':
      return { ...state, imported: [...state.imported, event.data.sha256] };
    case 'BillReconciled':
      return { ...state, discrepancyCount: state.discrepancyCount + event.data.discrepancies.length };
    case 'DiscrepancyResolved':
      return { ...state, decisions: { ...state.decisions, [event.data.discrepancyId]: event.data.decision } };
  }
}

export const billsDecider = { decide: decideBills, evolve: evolveBills, initialState: initialBillsState };
