import { FeeSchedule } from './fee-schedule';
import { OperatorDirectory } from '../registry/operators';
import { PreAuthorizationPolicy } from './pre-authorization-policy';
import { RefundFeePolicy } from './refund-fee-policy';

/** What the ledger knows of the terminal's merchant when it decides: the registry's answer, passed in. */
export interface LedgerContext {
  merchantId: string;
  feeSchedule: FeeSchedule;
  /** The merchant's operators; empty while it has added none (any operator id then signs in). */
  operators: OperatorDirectory;
  /** Voids and refunds above this amount (minor units) need a supervisor; absent: no limit. */
  supervisorAboveMinor?: string;
  /** A terminal may approve a card sale offline up to this amount (minor units, tip included); absent: never. */
  offlineUpToMinor?: string;
  /** How far a completion may exceed its hold, and when a hold expires; absent: DEFAULT_PRE_AUTHORIZATION_POLICY. */
  preAuthorization?: PreAuthorizationPolicy;
  /** What a refund does with its sale's fee; absent: KEPT. */
  refundFees?: RefundFeePolicy;
}
