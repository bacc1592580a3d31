// The public ingest contract's terminal event, as the simulator emits it (see ARCHITECTURE.md "Public contract").

export type PaymentMethod = 'DEBIT' | 'CREDIT' | 'WECHAT_PAY' | 'ALIPAY';
export const PAYMENT_METHODS: readonly PaymentMethod[] = ['DEBIT', 'CREDIT', 'WECHAT_PAY', 'ALIPAY'];

export type EntryMode = 'CHIP' | 'SWIPE' | 'CONTACTLESS';
export type CardScheme = 'UNIONPAY' | 'VISA' | 'MASTERCARD';
export type PinResult = 'VERIFIED' | 'FAILED' | 'BYPASSED';
export type ReceiptCopy = 'MERCHANT' | 'CUSTOMER';

export interface SettlementTotalLine {
  readonly method: PaymentMethod;
  readonly count: number;
  readonly amountMinor: string;
  readonly currency: string;
}

export interface TerminalEventPayloads {
  'operator.signed_in': { readonly operatorId: string };
  'operator.signed_out': Record<string, never>;
  'card.inserted': { readonly entryMode: EntryMode; readonly maskedPan: string; readonly scheme: CardScheme };
  'pin.entered': { readonly result: PinResult };
  'payment.method_selected': { readonly method: PaymentMethod };
  'amount.entered': { readonly amountMinor: string; readonly currency: string };
  'qr.scanned': { readonly walletReference: string };
  'authorization.requested': Record<string, never>;
  'authorization.approved': { readonly authCode: string; readonly hostReference: string };
  'authorization.declined': { readonly responseCode: string; readonly reason: string };
  'authorization.timed_out': Record<string, never>;
  'signature.captured': Record<string, never>;
  'receipt.printed': { readonly copy: ReceiptCopy };
  'receipt.emailed': Record<string, never>;
  'transaction.voided': { readonly originalTransactionId: string };
  'refund.approved': { readonly originalTransactionId: string; readonly amountMinor: string; readonly currency: string };
  'settlement.closed': { readonly batchNumber: number; readonly totals: readonly SettlementTotalLine[] };
}

export type TerminalEventType = keyof TerminalEventPayloads;

export type TerminalEventOf<K extends TerminalEventType> = {
  readonly eventId: string;
  readonly terminalId: string;
  readonly sequence: number;
  readonly occurredAt: string;
  readonly transactionId?: string;
  readonly type: K;
  readonly payload: TerminalEventPayloads[K];
};

export type TerminalEvent = { [K in TerminalEventType]: TerminalEventOf<K> }[TerminalEventType];
