import { DomainError } from '../values/domain-error';

export class InvalidTimeZoneError extends DomainError {
  readonly code = 'REGISTRY.INVALID_TIME_ZONE';

  constructor(readonly timeZone: string) {
    super(`not an IANA time zone: ${JSON.stringify(timeZone)}`);
  }
}
