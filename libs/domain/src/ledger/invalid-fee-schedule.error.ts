import { DomainError } from '../values/domain-error';

export class InvalidFeeScheduleError extends DomainError {
  readonly code = 'FEE_SCHEDULE.INVALID';

  constructor(detail: string) {
    super(`invalid fee schedule: ${detail}`);
  }
}
