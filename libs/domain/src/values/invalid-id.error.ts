import { DomainError } from './domain-error';

export class InvalidIdError extends DomainError {
  readonly code = 'ID.INVALID';

  constructor(kind: string, value: string) {
    super(`invalid ${kind}: ${JSON.stringify(value)}`);
  }
}
