import { DomainError } from '../values/domain-error';

export type BillRefusal = 'MALFORMED' | 'UNKNOWN_SOURCE' | 'UNKNOWN_DISCREPANCY' | 'DISCREPANCY_RESOLVED' | 'INVALID_DECISION';

/** A bill file or a decision the ledger will not record, and why; a malformed file names its line. Nothing is recorded. */
export class BillRefusedError extends DomainError {
  readonly code: string;

  constructor(readonly refusal: BillRefusal, message: string, readonly lineNumber?: number) {
    super(lineNumber === undefined ? message : `line ${lineNumber}: ${message}`);
    this.code = `BILL.${refusal}`;
  }
}
