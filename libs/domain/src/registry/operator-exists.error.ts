import { DomainError } from '../values/domain-error';

export class OperatorExistsError extends DomainError {
  readonly code = 'REGISTRY.OPERATOR_EXISTS';

  constructor(readonly merchantId: string, readonly operatorId: string) {
    super(`operator ${operatorId} already exists for merchant ${merchantId}`);
  }
}
