import { DomainError } from '../values/domain-error';

export class InvalidCurrencyError extends DomainError {
  readonly code = 'REGISTRY.INVALID_CURRENCY';

  constructor(readonly currency: string) {
    super(`not a known ISO 4217 currency: ${JSON.stringify(currency)}`);
  }
}
