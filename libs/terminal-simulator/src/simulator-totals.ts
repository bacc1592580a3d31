// The simulator's own books: what the platform should report, kept only from events it accepted (202).
// count and gross: approved sales not voided (offline ones too); tips: their tips, apart; voids: amount of voided
// sales; refunds: amount refunded; offlineDeclined: what offline sales the host declined still stood for.
import { PAYMENT_METHODS, PaymentMethod, TerminalEvent } from './terminal-event';

export interface SalesFigures {
  readonly count: number;
  readonly gross: string;
  readonly tips: string;
  readonly voids: string;
  readonly refunds: string;
  readonly offlineDeclined: string;
}

export interface MerchantTotals extends SalesFigures {
  readonly currency: string;
  readonly byMethod: Record<PaymentMethod, SalesFigures>;
  readonly byTerminal: Record<string, SalesFigures>;
}

export interface BookedTerminal {
  readonly terminalId: string;
  readonly merchantId: string;
  readonly currency: string;
}

class FigureAccumulator {
  count = 0;
  gross = 0n;
  tips = 0n;
  voids = 0n;
  refunds = 0n;
  offlineDeclined = 0n;

  toFigures(): SalesFigures {
    return {
      count: this.count,
      gross: this.gross.toString(),
      tips: this.tips.toString(),
      voids: this.voids.toString(),
      refunds: this.refunds.toString(),
      offlineDeclined: this.offlineDeclined.toString(),
    };
  }
}

interface SaleDraft {
  method?: PaymentMethod;
  amountMinor?: bigint;
  tipMinor?: bigint;
  /** Sent as a pre-authorisation: approved, it is held, not sold. */
  hold?: true;
}

interface BookedSale {
  readonly method: PaymentMethod;
  readonly amountMinor: bigint;
  tipMinor: bigint;
  refundedMinor: bigint;
  status: 'APPROVED' | 'VOIDED' | 'OFFLINE_DECLINED';
  /** Approved offline, the host's answer not in yet. */
  awaitingHost: boolean;
}

class MerchantBook {
  readonly total = new FigureAccumulator();
  readonly byMethod = new Map<PaymentMethod, FigureAccumulator>(PAYMENT_METHODS.map((method) => [method, new FigureAccumulator()]));
  readonly byTerminal = new Map<string, FigureAccumulator>();

  constructor(readonly currency: string) {}

  /** The accumulators one sale's figures land in. */
  accumulatorsFor(terminalId: string, method: PaymentMethod): FigureAccumulator[] {
    const ofMethod = this.byMethod.get(method);
    const ofTerminal = this.byTerminal.get(terminalId);
    if (ofMethod === undefined || ofTerminal === undefined) throw new Error(`terminal ${terminalId} is not booked`);
    return [this.total, ofMethod, ofTerminal];
  }

  toTotals(): MerchantTotals {
    const byMethod = Object.fromEntries(PAYMENT_METHODS.map((method) => [method, this.byMethod.get(method)?.toFigures()]));
    return {
      currency: this.currency,
      ...this.total.toFigures(),
      byMethod: byMethod as Record<PaymentMethod, SalesFigures>,
      byTerminal: Object.fromEntries([...this.byTerminal].map(([terminalId, figures]) => [terminalId, figures.toFigures()])),
    };
  }
}

class TerminalLedger {
  readonly drafts = new Map<string, SaleDraft>();
  readonly approvedSales = new Map<string, BookedSale>();
  /** Approved pre-authorisations: not sales until completed. */
  readonly holds = new Map<string, { readonly method: PaymentMethod; readonly heldMinor: bigint }>();

  constructor(
    readonly terminalId: string,
    readonly book: MerchantBook,
  ) {}
}

export class SimulatorBooks {
  private readonly merchants = new Map<string, MerchantBook>();
  private readonly terminals = new Map<string, TerminalLedger>();

  registerTerminal(terminal: BookedTerminal): void {
    let book = this.merchants.get(terminal.merchantId);
    if (book === undefined) {
      book = new MerchantBook(terminal.currency);
      this.merchants.set(terminal.merchantId, book);
    } else if (book.currency !== terminal.currency) {
      throw new Error(`merchant ${terminal.merchantId} settles in ${book.currency}, terminal ${terminal.terminalId} in ${terminal.currency}`);
    }
    if (this.terminals.has(terminal.terminalId)) throw new Error(`terminal ${terminal.terminalId} registered twice`);
    book.byTerminal.set(terminal.terminalId, new FigureAccumulator());
    this.terminals.set(terminal.terminalId, new TerminalLedger(terminal.terminalId, book));
  }

  /** Books a batch the platform accepted; events must come in the terminal's sequence order. */
  recordAccepted(terminalId: string, events: readonly TerminalEvent[]): void {
    const ledger = this.terminals.get(terminalId);
    if (ledger === undefined) throw new Error(`terminal ${terminalId} is not booked`);
    for (const event of events) this.recordEvent(ledger, event);
  }

  totalsByMerchant(): Record<string, MerchantTotals> {
    return Object.fromEntries([...this.merchants].map(([merchantId, book]) => [merchantId, book.toTotals()]));
  }

  private recordEvent(ledger: TerminalLedger, event: TerminalEvent): void {
    const transactionId = event.transactionId;
    switch (event.type) {
      case 'payment.method_selected':
        if (transactionId !== undefined) draftOf(ledger, transactionId).method = event.payload.method;
        return;
      case 'amount.entered':
        if (transactionId !== undefined) draftOf(ledger, transactionId).amountMinor = BigInt(event.payload.amountMinor);
        return;
      case 'tip.entered':
        if (transactionId !== undefined) enterTip(ledger, transactionId, BigInt(event.payload.tipMinor));
        return;
      case 'authorization.declined':
        if (transactionId !== undefined) decline(ledger, transactionId);
        return;
      case 'authorization.timed_out':
        if (transactionId !== undefined) ledger.drafts.delete(transactionId);
        return;
      case 'authorization.approved':
        if (transactionId !== undefined) hostApprove(ledger, transactionId);
        return;
      case 'preauthorization.requested':
        if (transactionId !== undefined) draftOf(ledger, transactionId).hold = true;
        return;
      case 'preauthorization.completed':
        if (transactionId !== undefined) completeHold(ledger, transactionId, BigInt(event.payload.amountMinor));
        return;
      case 'preauthorization.cancelled':
        if (transactionId !== undefined) ledger.holds.delete(transactionId);
        return;
      case 'authorization.approved_offline':
        if (transactionId !== undefined) approve(ledger, transactionId, true);
        return;
      case 'cash.received':
        if (transactionId !== undefined) approve(ledger, transactionId, false);
        return;
      case 'transaction.voided':
        voidSale(ledger, event.payload.originalTransactionId);
        return;
      case 'refund.approved':
        refundSale(ledger, event.payload.originalTransactionId, BigInt(event.payload.amountMinor));
        return;
      default:
        return;
    }
  }
}

function draftOf(ledger: TerminalLedger, transactionId: string): SaleDraft {
  let draft = ledger.drafts.get(transactionId);
  if (draft === undefined) {
    draft = {};
    ledger.drafts.set(transactionId, draft);
  }
  return draft;
}

function approve(ledger: TerminalLedger, transactionId: string, offline: boolean): void {
  const draft = ledger.drafts.get(transactionId);
  ledger.drafts.delete(transactionId);
  if (draft?.method === undefined || draft.amountMinor === undefined) return;
  const sale: BookedSale = {
    method: draft.method,
    amountMinor: draft.amountMinor,
    tipMinor: draft.tipMinor ?? 0n,
    refundedMinor: 0n,
    status: 'APPROVED',
    awaitingHost: offline,
  };
  ledger.approvedSales.set(transactionId, sale);
  for (const figures of ledger.book.accumulatorsFor(ledger.terminalId, sale.method)) {
    figures.count += 1;
    figures.gross += sale.amountMinor;
    figures.tips += sale.tipMinor;
  }
}

/**
 * The host approves a sale it was asked about (a hold: held, not sold), or confirms one approved offline: the
 * figures already hold it.
 */
function hostApprove(ledger: TerminalLedger, transactionId: string): void {
  const draft = ledger.drafts.get(transactionId);
  if (draft?.hold && draft.method !== undefined && draft.amountMinor !== undefined) {
    ledger.drafts.delete(transactionId);
    ledger.holds.set(transactionId, { method: draft.method, heldMinor: draft.amountMinor });
    return;
  }
  const offlineSale = ledger.approvedSales.get(transactionId);
  if (offlineSale === undefined) approve(ledger, transactionId, false);
  else offlineSale.awaitingHost = false;
}

/** A hold completed for up to what it held (the simulated merchants allow no more) is a sale of that amount. */
function completeHold(ledger: TerminalLedger, transactionId: string, amountMinor: bigint): void {
  const hold = ledger.holds.get(transactionId);
  if (hold === undefined || amountMinor > hold.heldMinor) return;
  ledger.holds.delete(transactionId);
  ledger.drafts.set(transactionId, { method: hold.method, amountMinor });
  approve(ledger, transactionId, false);
}

/**
 * The host declines a sale it was asked about, or one approved offline: that one still counts (gross, count), and
 * what it stood for (tip included, less refunds) is the merchant's loss.
 */
function decline(ledger: TerminalLedger, transactionId: string): void {
  ledger.drafts.delete(transactionId);
  const sale = ledger.approvedSales.get(transactionId);
  if (sale === undefined || !sale.awaitingHost || sale.status !== 'APPROVED') return;
  sale.awaitingHost = false;
  sale.status = 'OFFLINE_DECLINED';
  const lossMinor = sale.amountMinor + sale.tipMinor - sale.refundedMinor;
  for (const figures of ledger.book.accumulatorsFor(ledger.terminalId, sale.method)) figures.offlineDeclined += lossMinor;
}

/** A tip before authorisation joins the draft; one on an approved sale without a tip is booked at once. */
function enterTip(ledger: TerminalLedger, transactionId: string, tipMinor: bigint): void {
  const draft = ledger.drafts.get(transactionId);
  if (draft !== undefined) {
    draft.tipMinor = tipMinor;
    return;
  }
  const sale = ledger.approvedSales.get(transactionId);
  if (sale === undefined || sale.status !== 'APPROVED' || sale.tipMinor !== 0n) return;
  sale.tipMinor = tipMinor;
  for (const figures of ledger.book.accumulatorsFor(ledger.terminalId, sale.method)) figures.tips += tipMinor;
}

function voidSale(ledger: TerminalLedger, originalTransactionId: string): void {
  const sale = ledger.approvedSales.get(originalTransactionId);
  if (sale === undefined || sale.status !== 'APPROVED') return;
  sale.status = 'VOIDED';
  for (const figures of ledger.book.accumulatorsFor(ledger.terminalId, sale.method)) {
    figures.count -= 1;
    figures.gross -= sale.amountMinor;
    figures.tips -= sale.tipMinor;
    figures.voids += sale.amountMinor;
  }
}

function refundSale(ledger: TerminalLedger, originalTransactionId: string, amountMinor: bigint): void {
  const sale = ledger.approvedSales.get(originalTransactionId);
  if (sale === undefined || sale.status !== 'APPROVED') return;
  sale.refundedMinor += amountMinor;
  for (const figures of ledger.book.accumulatorsFor(ledger.terminalId, sale.method)) figures.refunds += amountMinor;
}
