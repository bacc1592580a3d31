// One terminal's event stream as a pure, seeded state machine: sign-in, sales, voids, daily settlement,
// refunds of settled sales, host outages with offline sales forwarded after them. No I/O, no wall clock or
// Math.random of its own: replaying a seed replays the stream.
import { settlementTotals, totalsMissingSale } from './batch-totals';
import { EventWriter, StepDelay } from './event-writer';
import { randomOperatorId, uuidV4 } from './identifiers';
import { OpenHold, writeHoldEnd, writeHoldRequest } from './pre-authorization-flow';
import { ApprovedSale, HostLink, writeForwardedAnswer, writeSaleFlow } from './sale-flow';
import { DAY_MS, nextFlowInstant, ScriptClock, stepInstant, utcDay } from './script-clock';
import { DEFAULT_SCRIPT_RATES, ScriptRates } from './script-rates';
import { Prng } from './prng';
import { PaymentMethod, TerminalEvent, TerminalEventPayloads, TerminalEventType } from './terminal-event';

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
  /** The merchant's offline limit (amount + tip, minor units); absent: the terminal never approves offline. */
  readonly offlineUpToMinor?: bigint;
}

interface PlannedRefund {
  readonly originalTransactionId: string;
  readonly method: PaymentMethod;
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
  /** Flows the current outage still lasts; 0: the host answers. */
  outageFlowsLeft: number;
  /** Sales approved offline (also in batchSales), to forward once the host answers again. */
  awaitingHost: readonly ApprovedSale[];
  /** What the open shift's drawer holds: its opening cash, plus cash sales, less cash voided and refunded. */
  drawerMinor: bigint;
  /** Pre-authorisations the host approved, awaiting their completion or cancellation (across batches). */
  openHolds: readonly OpenHold[];
  /** When the terminal last sent a heartbeat (epoch ms). */
  lastHeartbeatAt: number;
}

export interface TrafficScriptSnapshot {
  readonly prngState: number;
  readonly state: Readonly<ScriptState>;
}

const VOID_PICK_CHANCE = 0.5;
const HOLD_PICK_CHANCE = 0.3;
/** A terminal reports it is alive about once a minute while it has a network. */
const HEARTBEAT_EVERY_MS = 60_000;
const REFUND_PICK_CHANCE = 0.25;
const CLOSING_ROOM_MS = 1_000;
const HEARTBEAT = { appVersion: 'sim-1.0', network: 'WIFI' } as const;
/** The cash each simulated shift opens with, in minor units; the count at its close is exact. */
const SIMULATED_DRAWER_MINOR = 50_000n;

export class TrafficScript {
  readonly terminalId: string;
  readonly currency: string;
  readonly operatorId: string;
  private readonly prng: Prng;
  private readonly clock: ScriptClock;
  private readonly rates: ScriptRates;
  private readonly offlineUpToMinor: bigint | undefined;
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
    this.offlineUpToMinor = options.offlineUpToMinor;
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
      outageFlowsLeft: 0,
      awaitingHost: [],
      drawerMinor: 0n,
      openHolds: [],
      lastHeartbeatAt: startAt - 1,
    };
  }

  get lastSequence(): number {
    return this.state.sequence;
  }

  get openBatchNumber(): number {
    return this.state.batchNumber;
  }

  /** True while an outage lasts: the terminal cannot reach the platform either, so it keeps its events. */
  get offline(): boolean {
    return this.state.outageFlowsLeft > 0;
  }

  /**
   * The next unit of activity, never cut in the middle: a sign-in, one sale, a void, a refund, or the close of
   * the day (settlement and sign-out) when the next customer would arrive on a new UTC day. The last flow of an
   * outage ends with the offline sales forwarded and the host's answers.
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
    if (!this.offline && this.prng.chance(this.rates.outage)) this.state.outageFlowsLeft = this.rates.outageFlows;
    if (!this.offline && this.peekNextFlowAt() - this.state.lastHeartbeatAt >= HEARTBEAT_EVERY_MS) this.heartbeatBeforeNextFlow();
    if (this.state.pendingVoids.length > 0 && this.prng.chance(VOID_PICK_CHANCE)) this.writeNextVoid('next-flow');
    else if (!this.offline && this.state.openHolds.length > 0 && this.prng.chance(HOLD_PICK_CHANCE)) this.writeNextHoldEnd();
    else if (this.state.pendingRefunds.length > 0 && this.prng.chance(REFUND_PICK_CHANCE)) this.writeNextRefund();
    else this.writeSale();
    this.state.batchHasTraffic = true;
    if (this.offline) {
      this.state.outageFlowsLeft -= 1;
      if (!this.offline) this.forwardOfflineSales('host');
    }
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
    this.heartbeat();
    this.append('shift.opened', { operatorId: this.operatorId, openingCashMinor: SIMULATED_DRAWER_MINOR.toString(), currency: this.currency }, 'customer');
    this.state.drawerMinor = SIMULATED_DRAWER_MINOR;
    this.state.signedIn = true;
    this.state.batchDay = utcDay(this.state.lastOccurredAt);
  }

  private heartbeat(): void {
    this.append('terminal.heartbeat', HEARTBEAT, 'customer');
    this.state.lastHeartbeatAt = this.state.lastOccurredAt;
  }

  /** A heartbeat as the next customer arrives, a minute or more after the last one (the customer keeps that instant). */
  private heartbeatBeforeNextFlow(): void {
    this.appendAt(Math.max(this.peekNextFlowAt(), this.state.lastOccurredAt), 'terminal.heartbeat', HEARTBEAT);
    this.state.lastHeartbeatAt = this.state.lastOccurredAt;
  }

  private writeSale(): void {
    if (!this.offline && this.prng.chance(this.rates.preAuthorization)) {
      const hold = writeHoldRequest(this.writer, this.prng, this.rates, this.currency);
      if (hold !== null) this.state.openHolds = [...this.state.openHolds, hold];
      return;
    }
    const host: HostLink = this.offline ? { reachable: false, offlineUpToMinor: this.offlineUpToMinor } : { reachable: true };
    const sale = writeSaleFlow(this.writer, this.prng, this.rates, this.currency, host);
    if (sale === null) return;
    this.state.batchSales = [...this.state.batchSales, sale];
    if (sale.method === 'CASH') this.state.drawerMinor += sale.amountMinor;
    // A sale approved offline awaits the host's answer; none is ever voided.
    if (this.offline && sale.method !== 'CASH') this.state.awaitingHost = [...this.state.awaitingHost, sale];
    else if (this.prng.chance(this.rates.void)) this.state.pendingVoids = [...this.state.pendingVoids, sale];
  }

  /** The host answers again: each offline sale goes to it, and one it declines leaves the batch. */
  private forwardOfflineSales(delay: StepDelay): void {
    const declined = this.state.awaitingHost.filter((sale) => !writeForwardedAnswer(this.writer, this.prng, this.rates, delay, sale.transactionId));
    this.state.batchSales = this.state.batchSales.filter((sale) => !declined.includes(sale));
    this.state.awaitingHost = [];
    this.state.outageFlowsLeft = 0;
  }

  /** The oldest hold is completed (a sale of the open batch) or cancelled. */
  private writeNextHoldEnd(): void {
    const [hold, ...rest] = this.state.openHolds;
    if (hold === undefined) return;
    this.state.openHolds = rest;
    const sale = writeHoldEnd(this.writer, this.prng, this.rates, this.currency, hold);
    if (sale !== null) this.state.batchSales = [...this.state.batchSales, sale];
  }

  private writeNextVoid(delay: StepDelay): void {
    const [voided, ...rest] = this.state.pendingVoids;
    if (voided === undefined) return;
    this.state.pendingVoids = rest;
    this.state.batchSales = this.state.batchSales.filter((sale) => sale !== voided);
    if (voided.method === 'CASH') this.state.drawerMinor -= voided.amountMinor;
    this.append('transaction.voided', { originalTransactionId: voided.transactionId }, delay, uuidV4(this.prng));
  }

  private writeNextRefund(): void {
    const [refund, ...rest] = this.state.pendingRefunds;
    if (refund === undefined) return;
    this.state.pendingRefunds = rest;
    if (refund.method === 'CASH') {
      // The drawer pays a cash refund back; a customer is told to come back when it holds too little.
      if (refund.amountMinor > this.state.drawerMinor) return;
      this.state.drawerMinor -= refund.amountMinor;
    }
    const payload = {
      originalTransactionId: refund.originalTransactionId,
      amountMinor: refund.amountMinor.toString(),
      currency: this.currency,
    };
    this.append('refund.approved', payload, 'next-flow', uuidV4(this.prng));
  }

  private closeOpenBatch(): void {
    // A terminal uploads its offline sales before it settles: the outage ends here at the latest.
    this.forwardOfflineSales('closing');
    while (this.state.pendingVoids.length > 0) this.writeNextVoid('closing');
    const sales = this.state.batchSales;
    const settled = sales.filter((sale) => sale.method !== 'CASH');
    const exactTotals = settlementTotals(settled, this.currency);
    const totals =
      settled.length > 0 && this.prng.chance(this.rates.mismatch) ? totalsMissingSale(exactTotals, this.prng.pick(settled)) : exactTotals;
    this.append('shift.closed', { countedCashMinor: this.state.drawerMinor.toString(), currency: this.currency }, 'closing');
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
      return [{ originalTransactionId: sale.transactionId, method: sale.method, amountMinor }];
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
    this.appendAt(this.instantFor(delay), type, payload, transactionId);
  }

  private appendAt<K extends TerminalEventType>(occurredAt: number, type: K, payload: TerminalEventPayloads[K], transactionId?: string): void {
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
