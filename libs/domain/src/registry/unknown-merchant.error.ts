import { DomainError } from '../values/domain-error';

export class UnknownMerchantError extends DomainError {
  readonly code = 'REGISTRY.UNKNOWN_MERCHANT';

  constructor(readonly merchantId: string) {
    super(`no merchant ${merchantId}`);
  }
}
