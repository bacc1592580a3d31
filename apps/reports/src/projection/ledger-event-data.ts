/** The fields of ledger event data the reports read (see libs/domain/README.md, "Ledger events"). */
export interface AmountData {
  readonly currency: string;
  readonly minor: string;
}

export interface SaleData {
  readonly transactionId: string;
  readonly amount: AmountData;
  readonly method: string;
  readonly scheme: string;
  readonly maskedPan?: string;
  readonly occurredAt: string;
}

export interface VoidData extends SaleData {
  readonly saleOccurredAt: string;
}

export interface RefundData {
  readonly refundId: string;
  readonly originalTransactionId: string;
  readonly amount: AmountData;
  readonly method: string;
  readonly scheme: string;
  readonly occurredAt: string;
}

export interface BatchClosedData {
  readonly batchNumber: number;
  readonly closedAt: string;
  readonly sales: readonly { transactionId: string; method: string; scheme: string; amount: AmountData; fee: AmountData; occurredAt: string }[];
}

export interface TerminalEventRecordedData {
  readonly event: { readonly transactionId?: string; readonly occurredAt: string; readonly payload: { readonly originalTransactionId?: string } };
}

export interface RejectedData {
  readonly transactionId?: string;
}
