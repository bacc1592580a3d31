import { DomainError } from '../values/domain-error';

export type PayoutRefusal = 'INVALID_PAYOUT' | 'UNKNOWN_PAYOUT' | 'PAYOUT_NOT_IN_TRANSIT';

/** A payout confirmation or failure the ledger will not record, and why: nothing is recorded. */
export class PayoutRefusedError extends DomainError {
  readonly code: string;

  constructor(readonly refusal: PayoutRefusal, message: string) {
    super(message);
    this.code = `PAYOUT.${refusal}`;
  }
}
