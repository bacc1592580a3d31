import { DomainError } from '../values/domain-error';

export type DisputeRefusal =
  | 'INVALID_DISPUTE' | 'UNKNOWN_TRANSACTION' | 'NOT_DISPUTABLE' | 'CURRENCY_MISMATCH' | 'DISPUTE_EXCEEDS_SALE'
  | 'DISPUTE_EXISTS' | 'UNKNOWN_DISPUTE' | 'DISPUTE_RESOLVED' | 'EVIDENCE_SUBMITTED';

/** A dispute the ledger will not open or resolve, and why: nothing is recorded. */
export class DisputeRefusedError extends DomainError {
  readonly code: string;

  constructor(readonly refusal: DisputeRefusal, message: string) {
    super(message);
    this.code = `LEDGER.${refusal}`;
  }
}
