import { DomainError } from './domain-error';

export class CurrencyMismatchError extends DomainError {
  readonly code = 'MONEY.CURRENCY_MISMATCH';

  constructor(readonly left: string, readonly right: string) {
    super(`cannot combine ${left} with ${right}`);
  }
}
