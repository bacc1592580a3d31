import { createHash, randomUUID } from 'node:crypto';
import {
  BILL_SOURCES, billStream, decideBills, evolveBills, evolvePayouts, initialBillsState, initialPayoutsState, isBillEvent, isPayoutEvent,
  ledgerTradesOf, parseBill, payoutStream, terminalStream,
  BillRefusedError, isCalendarDate, UnknownMerchantError, type BillEvent, type BillReconciled, type BillsCommand, type BillsState, type BillSource, type DiscrepancyResolved, type LedgerEvent,
} from '@posledger/domain';
import { handleCommand, scanAll, scanStream, streamFolds, type EventStore, type RecordedEvent, type StreamFolds } from '@posledger/event-store';
import { DEFAULT_FOLDED_MERCHANTS } from '@posledger/platform-config';
import type { MerchantProfile, RegistryView } from '@posledger/registry';
import { ledgerEventOf } from '@posledger/views';

export interface BillStores {
  readonly eventStore: EventStore;
  readonly registry: RegistryView;
  /** The merchants' bills streams folded, kept between commands by a process that serves many (else each is read whole). */
  readonly bills?: StreamFolds<BillsState>;
}

/**
 * Folds of the merchants' bills streams, read on from where each was last read: a bill's lines are read once, not at
 * each later import. A kept merchant costs its bills' hashes and its discrepancies' decisions, no line.
 */
export const billFolds = (store: EventStore, merchantsKept = DEFAULT_FOLDED_MERCHANTS): StreamFolds<BillsState> =>
  streamFolds<BillsState, BillEvent>(store, { evolve: evolveBills, initialState: initialBillsState }, merchantsKept);

export interface BillToImport {
  readonly merchantId: string;
  readonly source: string;
  readonly bytes: Uint8Array;
  readonly fileName: string;
  /** Who imported it: the CLI's user or the token's holder. */
  readonly importedBy: string;
  /** The bill's business day when the file does not state it (WeChat Pay's bill names none); checked against it when it does. */
  readonly date?: string;
}

/** What an import recorded, or found already recorded for the same bytes (`imported: false`). */
export type BillImportResult = { readonly imported: boolean; readonly lines: number } & Omit<BillReconciled['data'], 'merchantId'>;

/** The day the bill covers: as the file states it, else as given, else the day of its lines (one day, or refused). */
function billDate(lines: readonly { localTime: string; lineNumber: number }[], stated: string | undefined, given: string | undefined): string {
  if (given !== undefined && !isCalendarDate(given)) {
    throw new BillRefusedError('MALFORMED', `a bill's date is a date alone (2026-11-23), got ${JSON.stringify(given)}`);
  }
  if (stated !== undefined && given !== undefined && stated !== given) throw new BillRefusedError('MALFORMED', `the file is the bill of ${stated}, not of ${given}`);
  const date = stated ?? given ?? lines[0]?.localTime.slice(0, 10);
  if (date === undefined) throw new BillRefusedError('MALFORMED', 'the bill has no lines and names no day: give its date');
  const elsewhere = stated === undefined ? lines.find((line) => line.localTime.slice(0, 10) !== date) : undefined;
  if (elsewhere) throw new BillRefusedError('MALFORMED', `a daily bill holds one day: this line is of ${elsewhere.localTime.slice(0, 10)}, the bill of ${date}`, elsewhere.lineNumber);
  return date;
}

interface MerchantLedger {
  readonly events: LedgerEvent[];
  /** The last position the events were read through. */
  readonly throughPosition: bigint;
}

const merchantLedgerEventOf = (recorded: RecordedEvent, merchantId: string): LedgerEvent | undefined => {
  const event = ledgerEventOf(recorded);
  return event?.data.merchantId === merchantId ? event : undefined;
};

/**
 * The merchant's ledger events in the store's order, through the last position before the head as it was first read:
 * its terminals' streams, not the whole store, which other merchants' events fill. A store that cannot tell where a
 * stream's events sit in its order (EventStoreDB may not) is scanned instead.
 */
async function merchantLedger(store: EventStore, registry: RegistryView, merchant: MerchantProfile): Promise<MerchantLedger> {
  const head = await store.headPosition();
  // Read after the head, the registry knows every terminal whose events come before it.
  await registry.refresh();
  const kept: { position: bigint; event: LedgerEvent }[] = [];
  for (const terminalId of registry.terminalsOf(merchant.merchantId)) {
    const placed = await scanStream(store, terminalStream(terminalId), (recorded) => {
      if (recorded.position < 0n) return false;
      const event = recorded.position < head ? merchantLedgerEventOf(recorded, merchant.merchantId) : undefined;
      if (event) kept.push({ position: recorded.position, event });
    });
    if (!placed) return scannedLedger(store, merchant);
  }
  kept.sort((a, b) => (a.position < b.position ? -1 : 1));
  return { events: kept.map(({ event }) => event), throughPosition: head - 1n };
}

/** The store from the merchant's registration on (none of its events comes before), through the last position read. */
async function scannedLedger(store: EventStore, { merchantId, registered }: MerchantProfile): Promise<MerchantLedger> {
  const events: LedgerEvent[] = [];
  const throughPosition = await scanAll(store, registered.position, (recorded) => {
    const event = merchantLedgerEventOf(recorded, merchantId);
    if (event) events.push(event);
  });
  return { events, throughPosition };
}

async function decide({ eventStore, bills = billFolds(eventStore) }: Pick<BillStores, 'eventStore' | 'bills'>, merchantId: string, command: BillsCommand): Promise<BillEvent[]> {
  let decided: BillEvent[] = [];
  await handleCommand(eventStore, billStream(merchantId), {
    load: () => bills(billStream(merchantId)),
    decide: (state) => {
      decided = decideBills(command, state);
      return { events: decided.map((event) => ({ id: randomUUID(), type: event.type, data: event.data })), state: decided.reduce(evolveBills, state) };
    },
  });
  return decided;
}

async function registeredMerchant(registry: RegistryView, merchantId: string): Promise<MerchantProfile> {
  await registry.refresh();
  const merchant = await registry.merchant(merchantId);
  if (!merchant) throw new UnknownMerchantError(merchantId);
  return merchant;
}

/**
 * Imports an outside bill: parses it (a malformed file is refused with its line and nothing is recorded), matches it
 * against the merchant's ledger and payouts as the event store holds them, and records the file's hash, its lines and
 * what the match found, with what its matched lines tell the ledger to record (the ledger's clock carries that out). The same bytes imported again change nothing and answer with what was recorded the first time.
 */
export async function importBill(stores: BillStores, input: BillToImport): Promise<BillImportResult> {
  if (!(BILL_SOURCES as readonly string[]).includes(input.source)) {
    throw new BillRefusedError('UNKNOWN_SOURCE', `a bill's source is one of ${BILL_SOURCES.join(', ')}; got ${JSON.stringify(input.source)}`);
  }
  const merchant = await registeredMerchant(stores.registry, input.merchantId);
  const parsed = parseBill(input.source as BillSource, input.bytes);
  const bill = { ...parsed, date: billDate(parsed.lines, parsed.date, input.date) };
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  const { events, throughPosition } = await merchantLedger(stores.eventStore, stores.registry, merchant);
  const payouts = (await stores.eventStore.readStream(payoutStream(input.merchantId))).map(({ type, data }) => ({ type, data })).filter(isPayoutEvent)
    .reduce(evolvePayouts, initialPayoutsState(input.merchantId)).payouts;
  const decided = await decide(stores, input.merchantId, {
    type: 'ImportBill',
    data: { merchantId: input.merchantId, timeZone: merchant.timeZone, bill, sha256, fileName: input.fileName, importedBy: input.importedBy, now: new Date().toISOString(), ledger: ledgerTradesOf(events), payouts, throughPosition },
  });
  const reconciled = decided.find((event): event is BillReconciled => event.type === 'BillReconciled') ?? (await recordedReconciliation(stores.eventStore, input.merchantId, sha256));
  const { merchantId: _merchantId, ...result } = reconciled.data;
  return { imported: decided.length > 0, lines: bill.lines.length, ...result };
}

async function recordedReconciliation(store: EventStore, merchantId: string, sha256: string): Promise<BillReconciled> {
  const recorded = (await store.readStream(billStream(merchantId))).map(({ type, data }) => ({ type, data })).filter(isBillEvent);
  const found = recorded.find((event): event is BillReconciled => event.type === 'BillReconciled' && event.data.sha256 === sha256);
  if (!found) throw new Error(`bill ${sha256} is recorded as imported but its reconciliation is not`);
  return found;
}

/** Records a person's decision on a discrepancy (ACCEPT_BILL, WRITE_OFF or INVESTIGATE) with who and when. */
export async function resolveDiscrepancy(
  stores: BillStores,
  input: { merchantId: string; discrepancyId: string; decision: string; note: string; decidedBy: string },
): Promise<DiscrepancyResolved['data']> {
  await registeredMerchant(stores.registry, input.merchantId);
  const [resolved] = await decide(stores, input.merchantId, { type: 'ResolveDiscrepancy', data: { ...input, now: new Date().toISOString() } });
  return (resolved as DiscrepancyResolved).data;
}
