import { operatorOf } from '../../registry/operators';
import { RuleContext, Verdict } from './verdict';

type Refusal = Extract<Verdict, { rejected: unknown }>;
export type SupervisorApproval = { readonly approvedBy: { readonly supervisorId?: string } } | Refusal;

/**
 * Above the merchant's supervisor limit, a void or refund needs an active supervisor of the merchant, named by the
 * terminal in `supervisorId`; the approval is then recorded with it. At or below the limit nothing is asked.
 */
export function supervisorApproval(what: string, amountMinor: string, supervisorId: string | undefined, context: RuleContext): SupervisorApproval {
  const limit = context.supervisorAboveMinor;
  if (limit === undefined || BigInt(amountMinor) <= BigInt(limit)) return { approvedBy: {} };
  if (supervisorId === undefined) {
    return { rejected: 'SUPERVISOR_REQUIRED', reason: `${what} of ${amountMinor} is above the merchant's supervisor limit of ${limit}: a supervisorId is needed` };
  }
  const supervisor = operatorOf(context.operators, supervisorId);
  if (supervisor?.role !== 'SUPERVISOR' || !supervisor.active) {
    return { rejected: 'SUPERVISOR_REQUIRED', reason: `${supervisorId} is not an active supervisor of merchant ${context.cause.merchantId}` };
  }
  return { approvedBy: { supervisorId } };
}
