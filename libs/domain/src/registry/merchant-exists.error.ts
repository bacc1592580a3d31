import { DomainError } from '../values/domain-error';

export class MerchantExistsError extends DomainError {
  readonly code = 'REGISTRY.MERCHANT_EXISTS';

  constructor(readonly merchantId: string) {
    super(`merchant ${merchantId} is already registered`);
  }
}
