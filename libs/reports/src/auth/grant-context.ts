import type { Grant } from '@posledger/credentials';
import { isValidId } from '@posledger/domain';
import { InvalidArgumentError } from '../graphql/invalid-argument.error';
import { quotedValue } from '../graphql/quoted-value';

export interface ReportsContext {
  readonly grant?: Grant;
}

export class NotAuthorizedError extends Error {
  readonly code: string = 'REPORTS.NOT_AUTHORIZED';
}

/** No token, or one the platform never issued. */
export class NotAuthenticatedError extends NotAuthorizedError {
  override readonly code = 'REPORTS.NOT_AUTHENTICATED';
}

/**
 * Invariant 7: a merchant token sees its own merchant only (naming another is refused); an auditor sees all and
 * must name the merchant. A named merchant must be a well-formed id: it goes into queries and headers.
 */
export function merchantInScope(context: ReportsContext, merchantId: string | undefined | null): string {
  const grant = context.grant;
  if (!grant) throw new NotAuthenticatedError('a valid Bearer token is required');
  if (merchantId && !isValidId(merchantId)) throw new InvalidArgumentError(`merchantId must be 1 to 64 letters, digits, '_', '.' or '-', starting with a letter or digit; got ${quotedValue(merchantId)}`);
  if (grant.role === 'auditor') {
    if (!merchantId) throw new NotAuthorizedError('an auditor must name merchantId');
    return merchantId;
  }
  if (merchantId && merchantId !== grant.merchantId) throw new NotAuthorizedError(`this token may not read merchant ${merchantId}`);
  return grant.merchantId;
}

export function requireAuditor(context: ReportsContext): void {
  if (!context.grant) throw new NotAuthenticatedError('a valid Bearer token is required');
  if (context.grant.role !== 'auditor') throw new NotAuthorizedError('this query is for auditor tokens');
}
