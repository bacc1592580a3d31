// The public ingest contract's terminal event, as the domain defines and ingest validates it.
export { PAYMENT_METHODS, SETTLED_METHODS } from '@posledger/domain';
export type {
  EntryMode, PaymentMethod, PinResult, ReceiptCopy, SettlementTotalLine, TerminalEvent, TerminalEventOf, TerminalEventPayloads, TerminalEventType,
} from '@posledger/domain';

/** The card schemes the simulator's cards carry. */
export type CardScheme = 'UNIONPAY' | 'VISA' | 'MASTERCARD';
