import { DomainError } from '../values/domain-error';

export class InvalidRegistrationError extends DomainError {
  readonly code = 'REGISTRY.INVALID_ARGUMENT';

  constructor(detail: string) {
    super(`invalid registration: ${detail}`);
  }
}
