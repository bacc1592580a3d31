/** The terminals' public contract (ARCHITECTURE.md): what a terminal sends, after validation. */

export const PAYMENT_METHODS = ['DEBIT', 'CREDIT', 'WECHAT_PAY', 'ALIPAY', 'CASH'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
/** Methods a host authorises and a batch settles: every method but cash, which stays in the drawer. */
export type SettledMethod = Exclude<PaymentMethod, 'CASH'>;
export const SETTLED_METHODS: readonly SettledMethod[] = PAYMENT_METHODS.filter((method): method is SettledMethod => method !== 'CASH');
export type CardMethod = 'DEBIT' | 'CREDIT';
export type QrMethod = 'WECHAT_PAY' | 'ALIPAY';

export function isCardMethod(method: PaymentMethod): method is CardMethod {
  return method === 'DEBIT' || method === 'CREDIT';
}

export const ENTRY_MODES = ['CHIP', 'SWIPE', 'CONTACTLESS'] as const;
export type EntryMode = (typeof ENTRY_MODES)[number];

export const PIN_RESULTS = ['VERIFIED', 'FAILED', 'BYPASSED'] as const;
export type PinResult = (typeof PIN_RESULTS)[number];

export const RECEIPT_COPIES = ['MERCHANT', 'CUSTOMER'] as const;
export type ReceiptCopy = (typeof RECEIPT_COPIES)[number];

export const NETWORKS = ['ETHERNET', 'WIFI', 'CELLULAR'] as const;
export type Network = (typeof NETWORKS)[number];

export interface SettlementTotalLine {
  method: SettledMethod;
  count: number;
  amountMinor: string;
  currency: string;
}

export interface TerminalEventPayloads {
  'operator.signed_in': { operatorId: string };
  'operator.signed_out': Record<string, never>;
  'card.inserted': { entryMode: EntryMode; maskedPan: string; scheme: string };
  'pin.entered': { result: PinResult };
  'payment.method_selected': { method: PaymentMethod };
  'amount.entered': { amountMinor: string; currency: string };
  'qr.scanned': { walletReference: string };
  /** 现金: the customer handed over `tenderedMinor`; the sale (method CASH) is complete, the change given back. */
  'cash.received': { tenderedMinor: string; currency: string };
  /**
   * A gratuity on a card sale: before authorisation it is authorised with the sale; after approval (until the batch
   * closes) it adjusts the captured amount once.
   */
  'tip.entered': { tipMinor: string; currency: string };
  'authorization.requested': Record<string, never>;
  /**
   * 预授权: the terminal asks the host to hold the amount on a card (hotels, rentals) instead of selling it; the host's
   * answer comes as `authorization.approved`, `.declined` or `.timed_out`. An approved hold is not a sale.
   */
  'preauthorization.requested': Record<string, never>;
  /** The hold becomes a sale of `amountMinor`: up to the held amount plus the merchant's tolerance; the rest is released. */
  'preauthorization.completed': { amountMinor: string; currency: string };
  /** The hold is released without a sale. */
  'preauthorization.cancelled': Record<string, never>;
  /**
   * Store-and-forward: the terminal could not reach the host and approved a card sale itself, up to the merchant's
   * offline limit. It forwards the sale when back online; the host's answer then comes as `authorization.approved`
   * or `authorization.declined` on the same transaction.
   */
  'authorization.approved_offline': Record<string, never>;
  'authorization.approved': { authCode: string; hostReference: string };
  'authorization.declined': { responseCode: string; reason: string };
  'authorization.timed_out': Record<string, never>;
  'signature.captured': Record<string, never>;
  'receipt.printed': { copy: ReceiptCopy };
  'receipt.emailed': Record<string, never>;
  /** `supervisorId`: the supervisor who approved it, needed above the merchant's supervisor limit. */
  'transaction.voided': { originalTransactionId: string; supervisorId?: string };
  'refund.approved': { originalTransactionId: string; amountMinor: string; currency: string; supervisorId?: string };
  'settlement.closed': { batchNumber: number; totals: SettlementTotalLine[] };
  /** Sent every minute or so: the terminal is alive, on this software and network. */
  'terminal.heartbeat': { appVersion: string; network: Network; signal?: number; paperLow?: boolean };
  /** 交班: the operator takes the cash drawer with `openingCashMinor` in it. */
  'shift.opened': { operatorId: string; openingCashMinor: string; currency: string };
  /** The operator hands over, having counted `countedCashMinor` in the drawer. */
  'shift.closed': { countedCashMinor: string; currency: string };
}

export type TerminalEventType = keyof TerminalEventPayloads;

export const TERMINAL_EVENT_TYPES: readonly TerminalEventType[] = [
  'operator.signed_in', 'operator.signed_out', 'card.inserted', 'pin.entered', 'payment.method_selected',
  'amount.entered', 'qr.scanned', 'cash.received', 'tip.entered', 'authorization.requested', 'preauthorization.requested', 'preauthorization.completed', 'preauthorization.cancelled', 'authorization.approved_offline', 'authorization.approved', 'authorization.declined',
  'authorization.timed_out', 'signature.captured', 'receipt.printed', 'receipt.emailed', 'transaction.voided',
  'refund.approved', 'settlement.closed', 'terminal.heartbeat', 'shift.opened', 'shift.closed',
];

/** Types that belong to no transaction; every other type requires `transactionId`. */
export type TransactionlessType = 'operator.signed_in' | 'operator.signed_out' | 'settlement.closed' | 'terminal.heartbeat' | 'shift.opened' | 'shift.closed';

const TRANSACTIONLESS_TYPES: ReadonlySet<TerminalEventType> = new Set<TransactionlessType>([
  'operator.signed_in', 'operator.signed_out', 'settlement.closed', 'terminal.heartbeat', 'shift.opened', 'shift.closed',
]);

export function isTransactionlessType(type: TerminalEventType): type is TransactionlessType {
  return TRANSACTIONLESS_TYPES.has(type);
}

interface Envelope {
  eventId: string;
  terminalId: string;
  sequence: number;
  occurredAt: string;
}

export type TerminalEventOf<T extends TerminalEventType> = Envelope & { type: T; payload: TerminalEventPayloads[T] } &
  (T extends TransactionlessType ? { transactionId?: string } : { transactionId: string });

export type TerminalEvent = { [T in TerminalEventType]: TerminalEventOf<T> }[TerminalEventType];
