// One terminal's event stream as a pure, seeded state machine: sign-in, sales, voids, daily settlement,
// refunds of settled sales. No I/O, no wall clock or Math.random of its own: replaying a seed replays the stream.
import { settlementTotals, totalsMissingSale } from './batch-totals';
import { EventWriter, StepDelay } from './event-writer';
import { randomOperatorId, uuidV4 } from './identifiers';
import { ApprovedSale, writeSaleFlow } from './sale-flow';
import { DAY_MS, nextFlowInstant, ScriptClock, stepInstant, utcDay } from './script-clock';
import { DEFAULT_SCRIPT_RATES, ScriptRates } from './script-rates';
import { Prng } from './prng';
import { TerminalEvent, TerminalEventPayloads, TerminalEventType } from './terminal-event';

export interface TrafficScriptOptions {
  readonly prng: Prng;
  readonly terminalId: string;
  readonly currency: string;
  readonly clock: ScriptClock;
  /** The provisioned operator; a random one is drawn when absent (never a default like "admin"). */
  readonly operatorId?: string;
  readonly firstSequence?: number;
  readonly firstBatchNumber?: number;
  readonly rates?: Partial<ScriptRates>;
}

interface PlannedRefund {
  readonly originalTransactionId: string;
  readonly amountMinor: bigint;
}

interface ScriptState {
  sequence: number;
  lastOccurredAt: number;
  nextFlowAt: number | null;
  signedIn: boolean;
  batchNumber: number;
  batchDay: number;
  batchHasTraffic: boolean;
  batchSales: readonly ApprovedSale[];
  pendingVoids: readonly ApprovedSale[];
  pendingRefunds: readonly PlannedRefund[];
}

export interface TrafficScriptSnapshot {
  readonly prngState: number;
  readonly state: Readonly<ScriptState>;
}

const VOID_PICK_CHANCE = 0.5;
const REFUND_PICK_CHANCE = 0.25;
const CLOSING_ROOM_MS = 1_000;
const SIMULATED_APP_VERSION = 'sim-1.0';
/** The cash each simulated shift opens with (and counts at its close), in minor units. */
const SIMULATED_DRAWER_MINOR = '50000';

export class TrafficScript {
  readonly terminalId: string;
  readonly currency: string;
  readonly operatorId: string;
  private readonly prng: Prng;
  private readonly clock: ScriptClock;
  private readonly rates: ScriptRates;
  private state: ScriptState;
  private written: TerminalEvent[] = [];
  private readonly writer: EventWriter = {
    write: (type, payload, delay, transactionId) => this.append(type, payload, delay, transactionId),
  };

  constructor(options: TrafficScriptOptions) {
    this.prng = options.prng;
    this.terminalId = options.terminalId;
    this.currency = options.currency;
    this.clock = options.clock;
    this.rates = { ...DEFAULT_SCRIPT_RATES, ...options.rates };
    this.operatorId = options.operatorId ?? randomOperatorId(this.prng);
    const startAt = this.clock.kind === 'simulated' ? this.clock.startAt : this.clock.now();
    this.state = {
      sequence: (options.firstSequence ?? 1) - 1,
      lastOccurredAt: startAt - 1,
      nextFlowAt: startAt,
      signedIn: false,
      batchNumber: options.firstBatchNumber ?? 1,
      batchDay: utcDay(startAt),
      batchHasTraffic: false,
      batchSales: [],
      pendingVoids: [],
      pendingRefunds: [],
    };
  }

  get lastSequence(): number {
    return this.state.sequence;
  }

  get openBatchNumber(): number {
    return this.state.batchNumber;
  }

  /**
   * The next unit of activity, never cut in the middle: a sign-in, one sale, a void, a refund, or the close of
   * the day (settlement and sign-out) when the next customer would arrive on a new UTC day.
   */
  nextFlow(): TerminalEvent[] {
    if (!this.state.signedIn) {
      this.signIn();
      return this.drain();
    }
    const day = utcDay(this.peekNextFlowAt());
    if (day !== this.state.batchDay) {
      if (this.state.batchHasTraffic) {
        this.closeOpenBatch();
        return this.drain();
      }
      this.state.batchDay = day;
    }
    if (this.state.pendingVoids.length > 0 && this.prng.chance(VOID_PICK_CHANCE)) this.writeNextVoid('next-flow');
    else if (this.state.pendingRefunds.length > 0 && this.prng.chance(REFUND_PICK_CHANCE)) this.writeNextRefund();
    else this.writeSale();
    this.state.batchHasTraffic = true;
    return this.drain();
  }

  /** Closes the open batch now (end of a run): pending voids, settlement, sign-out. Empty if nothing is open. */
  closeBatch(): TerminalEvent[] {
    if (this.state.signedIn) this.closeOpenBatch();
    return this.drain();
  }

  /** Everything needed to rewind: `restore` of it makes the script produce the same events again. */
  snapshot(): TrafficScriptSnapshot {
    return { prngState: this.prng.snapshot(), state: { ...this.state } };
  }

  restore(snapshot: TrafficScriptSnapshot): void {
    this.prng.restore(snapshot.prngState);
    this.state = { ...snapshot.state };
    this.written = [];
  }

  /** The start of the terminal's day: the cashier signs in, the terminal reports it is alive, the shift opens. */
  private signIn(): void {
    this.append('operator.signed_in', { operatorId: this.operatorId }, 'next-flow');
    this.append('terminal.heartbeat', { appVersion: SIMULATED_APP_VERSION, network: 'WIFI' }, 'customer');
    this.append('shift.opened', { operatorId: this.operatorId, openingCashMinor: SIMULATED_DRAWER_MINOR, currency: this.currency }, 'customer');
    this.state.signedIn = true;
    this.state.batchDay = utcDay(this.state.lastOccurredAt);
  }

  private writeSale(): void {
    const sale = writeSaleFlow(this.writer, this.prng, this.rates, this.currency);
    if (sale === null) return;
    this.state.batchSales = [...this.state.batchSales, sale];
    if (this.prng.chance(this.rates.void)) this.state.pendingVoids = [...this.state.pendingVoids, sale];
  }

  private writeNextVoid(delay: StepDelay): void {
    const [voided, ...rest] = this.state.pendingVoids;
    if (voided === undefined) return;
    this.state.pendingVoids = rest;
    this.state.batchSales = this.state.batchSales.filter((sale) => sale !== voided);
    this.append('transaction.voided', { originalTransactionId: voided.transactionId }, delay, uuidV4(this.prng));
  }

  private writeNextRefund(): void {
    const [refund, ...rest] = this.state.pendingRefunds;
    if (refund === undefined) return;
    this.state.pendingRefunds = rest;
    const payload = {
      originalTransactionId: refund.originalTransactionId,
      amountMinor: refund.amountMinor.toString(),
      currency: this.currency,
    };
    this.append('refund.approved', payload, 'next-flow', uuidV4(this.prng));
  }

  private closeOpenBatch(): void {
    while (this.state.pendingVoids.length > 0) this.writeNextVoid('closing');
    const sales = this.state.batchSales;
    const exactTotals = settlementTotals(sales, this.currency);
    const totals =
      sales.length > 0 && this.prng.chance(this.rates.mismatch) ? totalsMissingSale(exactTotals, this.prng.pick(sales)) : exactTotals;
    // No cash sales yet: the drawer counted at the handover holds what it opened with.
    this.append('shift.closed', { countedCashMinor: SIMULATED_DRAWER_MINOR, currency: this.currency }, 'closing');
    this.append('settlement.closed', { batchNumber: this.state.batchNumber, totals }, 'closing');
    this.planRefunds(sales);
    this.append('operator.signed_out', {}, 'closing');
    this.state.batchNumber += 1;
    this.state.batchSales = [];
    this.state.batchHasTraffic = false;
    this.state.signedIn = false;
  }

  private planRefunds(settledSales: readonly ApprovedSale[]): void {
    const planned = settledSales.flatMap((sale): PlannedRefund[] => {
      if (!this.prng.chance(this.rates.refund)) return [];
      const partial = sale.amountMinor > 1n && this.prng.chance(this.rates.partialRefund);
      const amountMinor = partial ? BigInt(this.prng.intBetween(1, Number(sale.amountMinor) - 1)) : sale.amountMinor;
      return [{ originalTransactionId: sale.transactionId, amountMinor }];
    });
    this.state.pendingRefunds = [...this.state.pendingRefunds, ...planned];
  }

  private peekNextFlowAt(): number {
    if (this.state.nextFlowAt === null) this.state.nextFlowAt = nextFlowInstant(this.clock, this.state.lastOccurredAt, this.prng);
    return this.state.nextFlowAt;
  }

  private instantFor(delay: StepDelay): number {
    const last = this.state.lastOccurredAt;
    if (delay === 'next-flow') {
      const at = Math.max(this.peekNextFlowAt(), last);
      this.state.nextFlowAt = null;
      return at;
    }
    const natural = stepInstant(this.clock, delay, last, this.prng);
    if (delay !== 'closing') return natural;
    // A batch closes on its own day, even when the live clock already passed midnight; the last second of
    // the day leaves room for the closing events' own millisecond steps.
    const closingDeadline = (this.state.batchDay + 1) * DAY_MS - CLOSING_ROOM_MS;
    return Math.max(Math.min(natural, closingDeadline), last);
  }

  private append<K extends TerminalEventType>(
    type: K,
    payload: TerminalEventPayloads[K],
    delay: StepDelay,
    transactionId?: string,
  ): void {
    const occurredAt = this.instantFor(delay);
    this.state.lastOccurredAt = occurredAt;
    this.state.sequence += 1;
    // Whether K needs a transactionId is the caller's (each flow passes one where the contract wants it).
    const event = {
      eventId: uuidV4(this.prng),
      terminalId: this.terminalId,
      sequence: this.state.sequence,
      occurredAt: new Date(occurredAt).toISOString(),
      ...(transactionId === undefined ? {} : { transactionId }),
      type,
      payload,
    };
    this.written.push(event as TerminalEvent);
  }

  private drain(): TerminalEvent[] {
    const flow = this.written;
    this.written = [];
    return flow;
  }
}
