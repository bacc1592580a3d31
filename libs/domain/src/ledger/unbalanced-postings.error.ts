import { DomainError } from '../values/domain-error';

export class UnbalancedPostingsError extends DomainError {
  readonly code = 'LEDGER.UNBALANCED_POSTINGS';

  constructor(readonly currency: string, readonly debitsMinor: bigint, readonly creditsMinor: bigint) {
    super(`postings in ${currency} do not balance: debits ${debitsMinor}, credits ${creditsMinor}`);
  }
}
