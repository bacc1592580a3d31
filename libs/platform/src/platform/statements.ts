import { createHash } from 'node:crypto';
import {
  carryBefore, dailyStatement, decideStatement, isCalendarDate, evolveStatements, isLedgerEvent, isPayoutEvent, isStatementEvent, isTerminalStream, payoutStream, statementStream,
  UnknownMerchantError, type StatementCarry, type StatementIssued, type StatementSource,
} from '@posledger/domain';
import { handleCommand, scanAll, type EventStore, type RecordedEvent } from '@posledger/event-store';
import { exportRows } from '@posledger/views';
import { ledgerEventId } from '@posledger/ledger';
import type { MerchantProfile } from '@posledger/registry';
import { issuedStatements, type IssuedStatements } from './issued-statements';
import type { ProvisioningStores } from './open-stores';
import { statementPdf } from './statement-pdf';

const COLUMNS = ['merchant_id', 'merchant_name', 'date', 'time_zone', 'currency', 'section', 'method', 'count', 'amount_minor'];

const refused = (code: string, message: string): Error => Object.assign(new Error(message), { code });
const sha256 = (bytes: string | Buffer): string => createHash('sha256').update(bytes).digest('hex');

interface MerchantHistory {
  readonly sources: StatementSource[];
  readonly throughPosition: bigint;
}

/** A merchant due a statement, and what an earlier day's statement carries to it. */
interface DueMerchant {
  readonly merchant: MerchantProfile;
  readonly carried?: StatementCarry;
}

/** Where a merchant's statement starts reading: its earlier statement's carry, or its registration (none of its events comes before). */
const readFrom = ({ merchant, carried }: DueMerchant): bigint => carried?.fromPosition ?? merchant.registered.position;

/** Each merchant's ledger and payout events in the store's order from where its statement reads, and the last position read: one scan for them all. */
async function merchantHistories(store: EventStore, due: readonly DueMerchant[]): Promise<Map<string, MerchantHistory>> {
  const from = new Map(due.map((merchant) => [merchant.merchant.merchantId, readFrom(merchant)]));
  const sources = new Map(due.map(({ merchant }) => [merchant.merchantId, [] as StatementSource[]]));
  const payoutStreams = new Map(due.map(({ merchant }) => [payoutStream(merchant.merchantId), merchant.merchantId]));
  const first = [...from.values()].reduce((min, position) => (position < min ? position : min), from.values().next().value ?? 0n);
  const add = (merchantId: string, source: StatementSource) => {
    if (source.position >= (from.get(merchantId) ?? 0n)) sources.get(merchantId)?.push(source);
  };
  const throughPosition = await scanAll(store, first, ({ streamId, type, data, position, recordedAt }) => {
    const event = { type, data };
    if (isTerminalStream(streamId) && isLedgerEvent(event)) add(event.data.merchantId, { position, recordedAt, event });
    else if (payoutStreams.has(streamId) && isPayoutEvent(event)) add(payoutStreams.get(streamId) ?? '', { position, recordedAt, event });
  });
  return new Map([...sources].map(([merchantId, merchantSources]) => [merchantId, { sources: merchantSources, throughPosition }]));
}

/**
 * Issues the merchant's daily statement (日结单) for `date` from the event store, the source of truth: its CSV and PDF,
 * and a StatementIssued event with both, each one's SHA-256, and the position they were computed through. Issued again with the same
 * figures it changes nothing; with new ones (events recorded later that day) it is a new version.
 */
export async function issueStatement(stores: Pick<ProvisioningStores, 'eventStore' | 'registry'>, merchantId: string, date: string): Promise<StatementIssued['data']> {
  const [issued] = await issueStatements(stores, [merchantId], date, (_, error) => {
    throw error;
  });
  return issued;
}

/**
 * issueStatement for several merchants from one scan of the store; a merchant's failure goes to onError and the
 * others go on. Their issued statements are read from `issued` (a clock keeps them between days).
 */
export async function issueStatements(
  stores: Pick<ProvisioningStores, 'eventStore' | 'registry'>,
  merchantIds: readonly string[],
  date: string,
  onError: (merchantId: string, error: Error) => void,
  issued: IssuedStatements = issuedStatements(stores.eventStore),
): Promise<StatementIssued['data'][]> {
  if (!isCalendarDate(date)) {
    throw refused('STATEMENT.INVALID_DATE', `a statement's date is a date alone (2026-11-23), got ${JSON.stringify(date)}`);
  }
  await stores.registry.view.refresh();
  const due: DueMerchant[] = [];
  for (const merchantId of merchantIds) {
    const merchant = await stores.registry.view.merchant(merchantId);
    if (!merchant) throw new UnknownMerchantError(merchantId);
    due.push({ merchant, carried: carryBefore((await issued(merchantId)).state, date) });
  }
  const histories = await merchantHistories(stores.eventStore, due);
  const recorded: StatementIssued['data'][] = [];
  for (const { merchant, carried } of due) {
    try {
      recorded.push(await recordStatement(stores.eventStore, issued, merchant, date, histories.get(merchant.merchantId) ?? { sources: [], throughPosition: 0n }, carried));
    } catch (error) {
      onError(merchant.merchantId, error as Error);
    }
  }
  return recorded;
}

async function recordStatement(
  eventStore: EventStore, statements: IssuedStatements, merchant: MerchantProfile, date: string, { sources, throughPosition }: MerchantHistory, carried: StatementCarry | undefined,
): Promise<StatementIssued['data']> {
  const { merchantId } = merchant;
  let issued: StatementIssued['data'] | undefined;
  const statement = dailyStatement(merchantId, date, merchant.timeZone, sources, { throughPosition, carried });
  const csv = exportRows('csv', COLUMNS, statement.lines.map((line) => ({
    merchant_id: merchantId, merchant_name: merchant.name, date, time_zone: merchant.timeZone, currency: line.currency,
    section: line.section, method: line.method, count: line.count, amount_minor: line.amountMinor.toString(),
  })));
  const digest = sha256(csv);
  const issuedAt = new Date().toISOString();
  const pdf = await statementPdf(statement, { merchantName: merchant.name, timeZone: merchant.timeZone, throughPosition, csvSha256: digest, issuedAt });
  await handleCommand(eventStore, statementStream(merchantId), {
    load: () => statements(merchantId),
    decide: (state) => {
      const events = decideStatement({ merchantId, date, csv, sha256: digest, pdf: pdf.toString('base64'), pdfSha256: sha256(pdf), throughPosition, issuedAt, carry: statement.carry }, state);
      issued = events[0]?.data;
      return { events: events.map((event) => ({ id: ledgerEventId(`statements/${merchantId}/${date}`, event.type, event.data.version), type: event.type, data: event.data })), state: events.reduce(evolveStatements, state) };
    },
  });
  return issued ?? latestIssued(await eventStore.readStream(statementStream(merchantId)), date, digest);
}

/** The StatementIssued events of a merchant's statements stream. */
const issuedEvents = (events: readonly RecordedEvent[]): StatementIssued[] =>
  events.map(({ type, data }) => ({ type, data })).filter((event): event is StatementIssued => isStatementEvent(event));

function latestIssued(events: readonly RecordedEvent[], date: string, digest: string): StatementIssued['data'] {
  const found = issuedEvents(events).map((event) => event.data)
    .filter((data) => data.date === date && data.sha256 === digest).at(-1);
  if (!found) throw new Error(`statement of ${date} with hash ${digest} not found after issuing it`);
  return found;
}

/** Which issued statement of the merchant has exactly these bytes (its CSV or its PDF); undefined when the ledger never issued them. */
export async function verifyStatement(stores: Pick<ProvisioningStores, 'eventStore'>, merchantId: string, bytes: Buffer): Promise<Omit<StatementIssued['data'], 'csv' | 'pdf'> | undefined> {
  const digest = createHash('sha256').update(bytes).digest('hex');
  const events = await stores.eventStore.readStream(statementStream(merchantId));
  const found = issuedEvents(events).find((event) => event.data.sha256 === digest || event.data.pdfSha256 === digest);
  if (!found) return undefined;
  const { csv: _csv, pdf: _pdf, ...issued } = found.data;
  return issued;
}
