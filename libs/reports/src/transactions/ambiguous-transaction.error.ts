import { InvalidArgumentError } from '../graphql/invalid-argument.error';

/** Terminals choose transaction ids, so several may share one: the caller names which terminal it means. */
export class AmbiguousTransactionError extends InvalidArgumentError {
  constructor(id: string, count: number) {
    super(`transaction id ${id} belongs to ${count} terminals in scope: name terminalId (and merchantId, for an auditor)`);
  }
}
