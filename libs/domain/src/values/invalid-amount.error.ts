import { DomainError } from './domain-error';

export class InvalidAmountError extends DomainError {
  readonly code = 'MONEY.INVALID_AMOUNT';

  constructor(detail: string) {
    super(`amount must be an integer of minor units (bigint or decimal string): ${detail}`);
  }
}
