import type { LedgerEvent } from '../api/report-types';

/** A fact of an event worth showing; the drawer puts it in words (labels, enum words, money). */
export type Detail =
  | { readonly kind: 'amount'; readonly label: 'amount' | 'fee' | 'tip' | 'tendered' | 'change'; readonly minor: string; readonly currency: string }
  | { readonly kind: 'enum'; readonly label: 'method' | 'scheme' | 'entryMode' | 'pinResult' | 'receiptCopy' | 'channel' | 'rejection'; readonly code: string }
  | { readonly kind: 'text'; readonly label: 'maskedPan' | 'authCode' | 'hostReference' | 'responseCode' | 'reason' | 'walletReference' | 'refundId' | 'saleId' | 'batchNumber' | 'operatorId'; readonly value: string };

/** One line of a sale's history: a terminal event as the ledger recorded it, or what the ledger decided. */
export interface HistoryEntry {
  readonly position: string;
  readonly source: 'terminal' | 'ledger';
  /** A terminal event type (card.inserted) or a ledger event type (SaleApproved). */
  readonly type: string;
  /** The terminal's sequence number of a terminal event. */
  readonly sequence?: number;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly details: readonly Detail[];
  /** The event's data as the API gave it. */
  readonly raw: string;
}

type Json = Readonly<Record<string, unknown>>;

const record = (value: unknown): Json => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {});
const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : undefined);

function texts(data: Json, labels: readonly Extract<Detail, { kind: 'text' }>['label'][], keys: readonly string[] = labels): Detail[] {
  return labels.flatMap((label, i) => {
    const value = text(data[keys[i]]);
    return value === undefined ? [] : [{ kind: 'text' as const, label, value }];
  });
}

function enums(data: Json, labels: readonly Extract<Detail, { kind: 'enum' }>['label'][], keys: readonly string[] = labels): Detail[] {
  return labels.flatMap((label, i) => {
    const code = text(data[keys[i]]);
    return code === undefined ? [] : [{ kind: 'enum' as const, label, code }];
  });
}

function amount(label: Extract<Detail, { kind: 'amount' }>['label'], value: unknown): Detail[] {
  const money = record(value);
  const minor = text(money.minor);
  const currency = text(money.currency);
  return minor !== undefined && currency !== undefined ? [{ kind: 'amount', label, minor, currency }] : [];
}

function terminalDetails(type: string, payload: Json): Detail[] {
  switch (type) {
    case 'amount.entered':
    case 'refund.approved':
      return [...amount('amount', { minor: payload.amountMinor, currency: payload.currency }), ...texts(payload, ['saleId'], ['originalTransactionId'])];
    case 'transaction.voided':
      return texts(payload, ['saleId'], ['originalTransactionId']);
    case 'cash.received':
      return amount('tendered', { minor: payload.tenderedMinor, currency: payload.currency });
    case 'tip.entered':
      return amount('tip', { minor: payload.tipMinor, currency: payload.currency });
    case 'receipt.printed':
      return enums(payload, ['receiptCopy'], ['copy']);
    case 'pin.entered':
      return enums(payload, ['pinResult'], ['result']);
    default:
      return [...enums(payload, ['method', 'scheme', 'entryMode']), ...texts(payload, ['maskedPan', 'walletReference', 'authCode', 'hostReference', 'responseCode', 'reason', 'operatorId'])];
  }
}

function ledgerDetails(type: string, data: Json): Detail[] {
  switch (type) {
    case 'BatchClosed': {
      const sale = record(data.sale);
      return [...texts(data, ['batchNumber']), ...amount('amount', sale.amount), ...amount('fee', sale.fee)];
    }
    case 'TerminalEventRejected':
      return [...enums(data, ['rejection'], ['code']), ...texts(data, ['reason'])];
    case 'ReceiptIssued':
      return enums(data, ['channel']);
    case 'SaleDetailsCaptured':
      return [];
    case 'SaleApproved': {
      const cash = record(data.cash);
      return [...amount('amount', data.amount), ...amount('tip', data.tip), ...enums(data, ['method', 'scheme']), ...amount('tendered', cash.tendered), ...amount('change', cash.change), ...texts(data, ['authCode'])];
    }
    case 'TipAdjusted':
      return amount('tip', data.tip);
    default:
      return [...amount('amount', data.amount), ...amount('tip', data.tip), ...enums(data, ['method', 'scheme']), ...texts(data, ['refundId', 'authCode', 'responseCode', 'reason'])];
  }
}

/** A sale's ledger events, in ledger order, as the lines of its history. */
export function saleHistory(events: readonly LedgerEvent[]): HistoryEntry[] {
  return events.map((event) => {
    let data: Json = {};
    try {
      data = record(JSON.parse(event.data));
    } catch {
      // shown raw only
    }
    const base = { position: event.position, occurredAt: event.occurredAt, recordedAt: event.recordedAt, raw: event.data };
    if (event.type === 'TerminalEventRecorded') {
      const terminalEvent = record(data.event);
      const type = text(terminalEvent.type) ?? event.type;
      const sequence = typeof terminalEvent.sequence === 'number' ? terminalEvent.sequence : undefined;
      return { ...base, source: 'terminal', type, ...(sequence === undefined ? {} : { sequence }), details: terminalDetails(type, record(terminalEvent.payload)) };
    }
    return { ...base, source: 'ledger', type: event.type, details: ledgerDetails(event.type, data) };
  });
}
