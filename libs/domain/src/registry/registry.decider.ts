import { FeeSchedule, feeScheduleFrom } from '../ledger/fee-schedule';
import { emptyKeyed, getKeyed, hasKeyed, keyedEntries, setKeyed, withoutKeyed, type KeyedRecord } from '../ledger/keyed-record';
import { isKnownCurrency } from '../values/currency';
import { isValidId } from '../values/ids';
import { InvalidCurrencyError } from './invalid-currency.error';
import { InvalidRegistrationError } from './invalid-registration.error';
import { InvalidRegistryIdError } from './invalid-registry-id.error';
import { InvalidTimeZoneError } from './invalid-time-zone.error';
import { MerchantExistsError } from './merchant-exists.error';
import {
  addOperator, disableOperator, withOperatorAdded, withOperatorDisabled,
  type OperatorAdded, type OperatorDirectory, type OperatorDisabled, type OperatorProvisioning,
} from './operators';
import { setOfflineLimit, type OfflineLimitSet } from './offline-limit';
import { setPreAuthorizationPolicy, type PreAuthorizationPolicySet } from './pre-authorization-policy-set';
import { setRefundFeePolicy, type RefundFeePolicySet } from './refund-fee-policy-set';
import { setPayoutSchedule, type PayoutScheduleSet } from './payout-schedule-set';
import { DEFAULT_PAYOUT_SCHEDULE, type PayoutSchedule } from '../payouts/payout-schedule';
import type { RefundFeePolicy } from '../ledger/refund-fee-policy';
import type { PreAuthorizationPolicy } from '../ledger/pre-authorization-policy';
import { setSupervisorLimit, type SupervisorLimitSet } from './supervisor-limit';
import { TerminalExistsError } from './terminal-exists.error';
import { UnknownMerchantError } from './unknown-merchant.error';

/** The one stream that keeps merchant and terminal ids unique. */
export const REGISTRY_STREAM = 'registry';

export interface MerchantRegistration {
  merchantId: string;
  name: string;
  timeZone: string;
  currency: string;
  feeSchedule: FeeSchedule;
}

export interface TerminalProvisioning {
  terminalId: string;
  merchantId: string;
  /** A fingerprint of the terminal's secret (the secret itself lives only in the credentials store). */
  secretFingerprint: string;
}

export type RegisterMerchant = { type: 'RegisterMerchant'; data: MerchantRegistration };
export type ProvisionTerminal = { type: 'ProvisionTerminal'; data: TerminalProvisioning };
export type AddOperator = { type: 'AddOperator'; data: OperatorProvisioning };
export type DisableOperator = { type: 'DisableOperator'; data: OperatorDisabled['data'] };
export type SetSupervisorLimit = { type: 'SetSupervisorLimit'; data: SupervisorLimitSet['data'] };
export type SetOfflineLimit = { type: 'SetOfflineLimit'; data: OfflineLimitSet['data'] };
export type SetPreAuthorizationPolicy = { type: 'SetPreAuthorizationPolicy'; data: PreAuthorizationPolicySet['data'] };
export type SetRefundFeePolicy = { type: 'SetRefundFeePolicy'; data: RefundFeePolicySet['data'] };
export type SetPayoutSchedule = { type: 'SetPayoutSchedule'; data: PayoutScheduleSet['data'] };
export type RegistryCommand =
  | RegisterMerchant | ProvisionTerminal | AddOperator | DisableOperator | SetSupervisorLimit | SetOfflineLimit | SetPreAuthorizationPolicy | SetRefundFeePolicy
  | SetPayoutSchedule;

export type MerchantRegistered = Readonly<{ type: 'MerchantRegistered'; data: Readonly<MerchantRegistration> }>;
export type TerminalProvisioned = Readonly<{ type: 'TerminalProvisioned'; data: Readonly<TerminalProvisioning> }>;
export type RegistryEvent =
  | MerchantRegistered | TerminalProvisioned | OperatorAdded | OperatorDisabled | SupervisorLimitSet | OfflineLimitSet | PreAuthorizationPolicySet
  | RefundFeePolicySet | PayoutScheduleSet;

const REGISTRY_EVENT_TYPES: ReadonlySet<string> = new Set<RegistryEvent['type']>([
  'MerchantRegistered', 'TerminalProvisioned', 'OperatorAdded', 'OperatorDisabled', 'SupervisorLimitSet', 'OfflineLimitSet', 'PreAuthorizationPolicySet',
  'RefundFeePolicySet', 'PayoutScheduleSet',
]);

/** A stored `{ type, data }` of the registry stream is a registry event when its type is one: the decider wrote it. */
export function isRegistryEvent(event: { readonly type: string; readonly data: unknown }): event is RegistryEvent {
  return REGISTRY_EVENT_TYPES.has(event.type);
}

/**
 * The registry folded. Each map is a KeyedRecord, which an event updates by copying one small bucket: a platform's
 * registry holds every merchant and terminal, and a fold of objects copied whole at each event was quadratic (24.6 s
 * for 10,000 terminals).
 */
export interface RegistryState {
  merchants: KeyedRecord<MerchantRegistration>;
  terminals: KeyedRecord<TerminalProvisioning>;
  /** Each merchant's operators, by merchant id. */
  operators: KeyedRecord<OperatorDirectory>;
  /** Each merchant's supervisor limit (minor units), by merchant id; absent: none. */
  supervisorLimits: KeyedRecord<string>;
  /** Each merchant's offline limit (minor units), by merchant id; absent: no offline sales. */
  offlineLimits: KeyedRecord<string>;
  /** Each merchant's pre-authorisation rules, by merchant id; absent: the defaults. */
  preAuthorizationPolicies: KeyedRecord<PreAuthorizationPolicy>;
  /** Each merchant's refund fee policy, by merchant id; absent: KEPT. */
  refundFeePolicies: KeyedRecord<RefundFeePolicy>;
  /** Each merchant's payout schedule, by merchant id; absent: DEFAULT_PAYOUT_SCHEDULE. */
  payoutSchedules: KeyedRecord<PayoutSchedule>;
}

export function initialRegistryState(): RegistryState {
  return {
    merchants: emptyKeyed(), terminals: emptyKeyed(), operators: emptyKeyed(), supervisorLimits: emptyKeyed(), offlineLimits: emptyKeyed(),
    preAuthorizationPolicies: emptyKeyed(), refundFeePolicies: emptyKeyed(), payoutSchedules: emptyKeyed(),
  };
}

export const merchantRegistrationOf = (state: RegistryState, merchantId: string): MerchantRegistration | undefined => getKeyed(state.merchants, merchantId);

export const terminalProvisioningOf = (state: RegistryState, terminalId: string): TerminalProvisioning | undefined => getKeyed(state.terminals, terminalId);

/** The ids of the merchant's terminals, in no particular order (a terminal is provisioned to one merchant for good). */
export const terminalsOfMerchant = (state: RegistryState, merchantId: string): string[] =>
  keyedEntries(state.terminals).flatMap(([terminalId, terminal]) => (terminal.merchantId === merchantId ? [terminalId] : []));

/** Every merchant's registration, in no particular order. */
export const merchantRegistrations = (state: RegistryState): MerchantRegistration[] => keyedEntries(state.merchants).map(([, registration]) => registration);

/** When the merchant's settled funds are cut off and paid (T+1 at midnight unless it set another schedule). */
export function payoutScheduleOf(state: RegistryState, merchantId: string): PayoutSchedule {
  return getKeyed(state.payoutSchedules, merchantId) ?? DEFAULT_PAYOUT_SCHEDULE;
}

/** What the merchant's refunds do with their sales' fees; undefined: it has set nothing (KEPT). */
export function refundFeePolicyOf(state: RegistryState, merchantId: string): RefundFeePolicy | undefined {
  return getKeyed(state.refundFeePolicies, merchantId);
}

/** The merchant's pre-authorisation rules; undefined: it has set none (the defaults apply). */
export function preAuthorizationPolicyOf(state: RegistryState, merchantId: string): PreAuthorizationPolicy | undefined {
  return getKeyed(state.preAuthorizationPolicies, merchantId);
}

/** Voids and refunds above this amount (minor units) need a supervisor; undefined: no limit. */
export function supervisorLimitOf(state: RegistryState, merchantId: string): string | undefined {
  return getKeyed(state.supervisorLimits, merchantId);
}

/** A card sale up to this amount (minor units) may be approved offline; undefined: none may. */
export function offlineLimitOf(state: RegistryState, merchantId: string): string | undefined {
  return getKeyed(state.offlineLimits, merchantId);
}

/** A merchant's limits with one merchant's set or lifted. */
function withLimit(limits: KeyedRecord<string>, merchantId: string, minor: string | null): KeyedRecord<string> {
  return minor === null ? withoutKeyed(limits, merchantId) : setKeyed(limits, merchantId, minor);
}

/** A merchant's operators (empty for a merchant that has added none). */
export function operatorsOf(state: RegistryState, merchantId: string): OperatorDirectory {
  return getKeyed(state.operators, merchantId) ?? {};
}

function isIanaTimeZone(timeZone: string): boolean {
  if (timeZone === '') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

function registerMerchant(data: MerchantRegistration, state: RegistryState): RegistryEvent[] {
  if (!isValidId(data.merchantId)) throw new InvalidRegistryIdError('merchant id', data.merchantId);
  if (typeof data.name !== 'string' || data.name.trim() === '' || data.name.length > 200) {
    throw new InvalidRegistrationError('name must be 1 to 200 characters');
  }
  if (!isIanaTimeZone(data.timeZone)) throw new InvalidTimeZoneError(data.timeZone);
  if (!isKnownCurrency(data.currency)) throw new InvalidCurrencyError(data.currency);
  const feeSchedule = feeScheduleFrom(data.feeSchedule);
  if (hasKeyed(state.merchants, data.merchantId)) throw new MerchantExistsError(data.merchantId);
  return [{ type: 'MerchantRegistered', data: { ...data, feeSchedule } }];
}

function provisionTerminal(data: TerminalProvisioning, state: RegistryState): RegistryEvent[] {
  if (!isValidId(data.terminalId)) throw new InvalidRegistryIdError('terminal id', data.terminalId);
  if (typeof data.secretFingerprint !== 'string' || data.secretFingerprint === '') {
    throw new InvalidRegistrationError('a terminal needs a secret fingerprint');
  }
  if (!hasKeyed(state.merchants, data.merchantId)) throw new UnknownMerchantError(data.merchantId);
  if (hasKeyed(state.terminals, data.terminalId)) throw new TerminalExistsError(data.terminalId);
  return [{ type: 'TerminalProvisioned', data }];
}

export function decideRegistry(command: RegistryCommand, state: RegistryState): RegistryEvent[] {
  switch (command.type) {
    case 'RegisterMerchant':
      return registerMerchant(command.data, state);
    case 'ProvisionTerminal':
      return provisionTerminal(command.data, state);
    case 'AddOperator':
      return [addOperator(command.data, state.merchants, operatorsOf(state, command.data.merchantId))];
    case 'DisableOperator':
      return disableOperator(command.data, operatorsOf(state, command.data.merchantId));
    case 'SetSupervisorLimit':
      return [setSupervisorLimit(command.data, state.merchants)];
    case 'SetOfflineLimit':
      return [setOfflineLimit(command.data, state.merchants)];
    case 'SetPreAuthorizationPolicy':
      return [setPreAuthorizationPolicy(command.data, state.merchants)];
    case 'SetRefundFeePolicy':
      return [setRefundFeePolicy(command.data, state.merchants)];
    case 'SetPayoutSchedule':
      return [setPayoutSchedule(command.data, state.merchants)];
    default: {
      const unknown: never = command;
      throw new Error(`unknown registry command ${JSON.stringify(unknown)}`);
    }
  }
}

export function evolveRegistry(state: RegistryState, event: RegistryEvent): RegistryState {
  switch (event.type) {
    case 'MerchantRegistered':
      return { ...state, merchants: setKeyed(state.merchants, event.data.merchantId, event.data) };
    case 'TerminalProvisioned':
      return { ...state, terminals: setKeyed(state.terminals, event.data.terminalId, event.data) };
    case 'OperatorAdded': {
      const { merchantId } = event.data;
      return { ...state, operators: setKeyed(state.operators, merchantId, withOperatorAdded(operatorsOf(state, merchantId), event.data)) };
    }
    case 'OperatorDisabled': {
      const { merchantId, operatorId } = event.data;
      return { ...state, operators: setKeyed(state.operators, merchantId, withOperatorDisabled(operatorsOf(state, merchantId), operatorId)) };
    }
    case 'SupervisorLimitSet':
      return { ...state, supervisorLimits: withLimit(state.supervisorLimits, event.data.merchantId, event.data.aboveMinor) };
    case 'OfflineLimitSet':
      return { ...state, offlineLimits: withLimit(state.offlineLimits, event.data.merchantId, event.data.upToMinor) };
    case 'RefundFeePolicySet':
      return { ...state, refundFeePolicies: setKeyed(state.refundFeePolicies, event.data.merchantId, event.data.policy) };
    case 'PayoutScheduleSet': {
      const { merchantId, delayDays, cutoff } = event.data;
      return { ...state, payoutSchedules: setKeyed(state.payoutSchedules, merchantId, { delayDays, cutoff }) };
    }
    case 'PreAuthorizationPolicySet': {
      const { merchantId, tolerancePercent, expiryDays } = event.data;
      return { ...state, preAuthorizationPolicies: setKeyed(state.preAuthorizationPolicies, merchantId, { tolerancePercent, expiryDays }) };
    }
    default: {
      const unknown: never = event;
      throw new Error(`unknown registry event ${JSON.stringify(unknown)}`);
    }
  }
}

export const registryDecider = { decide: decideRegistry, evolve: evolveRegistry, initialState: initialRegistryState };
