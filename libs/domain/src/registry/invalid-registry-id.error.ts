import { DomainError } from '../values/domain-error';

export class InvalidRegistryIdError extends DomainError {
  readonly code = 'REGISTRY.INVALID_ID';

  constructor(kind: string, value: string) {
    super(`invalid ${kind}: ${JSON.stringify(value)}`);
  }
}
