import { DomainError } from './domain-error';

export class InvalidBasisPointsError extends DomainError {
  readonly code = 'MONEY.INVALID_BASIS_POINTS';

  constructor(readonly bps: number) {
    super(`basis points must be an integer from 0 to 10000, got ${bps}`);
  }
}
