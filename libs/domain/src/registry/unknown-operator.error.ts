import { DomainError } from '../values/domain-error';

export class UnknownOperatorError extends DomainError {
  readonly code = 'REGISTRY.UNKNOWN_OPERATOR';

  constructor(readonly merchantId: string, readonly operatorId: string) {
    super(`merchant ${merchantId} has no operator ${operatorId}`);
  }
}
