import { DomainError } from './domain-error';

export class UnknownCurrencyError extends DomainError {
  readonly code = 'MONEY.UNKNOWN_CURRENCY';

  constructor(readonly currency: string) {
    super(`unknown ISO 4217 currency: ${JSON.stringify(currency)}`);
  }
}
