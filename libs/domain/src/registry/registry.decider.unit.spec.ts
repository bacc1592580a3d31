import { DEFAULT_FEE_SCHEDULE } from '../ledger/fee-schedule';
import { InvalidFeeScheduleError } from '../ledger/invalid-fee-schedule.error';
import { DeciderSpecification } from '../testing';
import { InvalidCurrencyError } from './invalid-currency.error';
import { InvalidRegistrationError } from './invalid-registration.error';
import { InvalidRegistryIdError } from './invalid-registry-id.error';
import { InvalidTimeZoneError } from './invalid-time-zone.error';
import { MerchantExistsError } from './merchant-exists.error';
import { OperatorExistsError } from './operator-exists.error';
import type { OperatorAdded, OperatorDisabled, OperatorRole } from './operators';
import { MerchantRegistered, terminalsOfMerchant, offlineLimitOf, payoutScheduleOf, preAuthorizationPolicyOf, refundFeePolicyOf, operatorsOf, supervisorLimitOf, RegistryCommand, registryDecider, RegistryEvent, TerminalProvisioned } from './registry.decider';
import { TerminalExistsError } from './terminal-exists.error';
import { UnknownMerchantError } from './unknown-merchant.error';
import { UnknownOperatorError } from './unknown-operator.error';

const spec = () => DeciderSpecification.for(registryDecider);

const registration = { merchantId: 'm-1', name: 'Tea House', timeZone: 'Asia/Shanghai', currency: 'CNY', feeSchedule: DEFAULT_FEE_SCHEDULE };
const register = (data: Partial<typeof registration> = {}): RegistryCommand => ({ type: 'RegisterMerchant', data: { ...registration, ...data } });
const provision = (terminalId = 't-1', merchantId = 'm-1'): RegistryCommand => ({
  type: 'ProvisionTerminal',
  data: { terminalId, merchantId, secretFingerprint: 'sha256:ab12' },
});
const addOperator = (operatorId = 'op-7', role: OperatorRole = 'CASHIER', name = '收银员一', merchantId = 'm-1'): RegistryCommand => ({
  type: 'AddOperator',
  data: { merchantId, operatorId, name, role },
});
const disable = (operatorId = 'op-7', merchantId = 'm-1'): RegistryCommand => ({ type: 'DisableOperator', data: { merchantId, operatorId } });
const limit = (aboveMinor: string | null, merchantId = 'm-1'): RegistryCommand => ({ type: 'SetSupervisorLimit', data: { merchantId, aboveMinor } });
const holdPolicy = (tolerancePercent: number, expiryDays: number, merchantId = 'm-1'): RegistryCommand => ({ type: 'SetPreAuthorizationPolicy', data: { merchantId, tolerancePercent, expiryDays } });
const offlineLimit = (upToMinor: string | null, merchantId = 'm-1'): RegistryCommand => ({ type: 'SetOfflineLimit', data: { merchantId, upToMinor } });
const registered: MerchantRegistered = { type: 'MerchantRegistered', data: registration };
const operatorAdded: OperatorAdded = { type: 'OperatorAdded', data: { merchantId: 'm-1', operatorId: 'op-7', name: '收银员一', role: 'CASHIER' } };
const operatorDisabled: OperatorDisabled = { type: 'OperatorDisabled', data: { merchantId: 'm-1', operatorId: 'op-7' } };
const provisioned: TerminalProvisioned = { type: 'TerminalProvisioned', data: { terminalId: 't-1', merchantId: 'm-1', secretFingerprint: 'sha256:ab12' } };

describe('registry', () => {
  it('registers a merchant', () => {
    spec().given([]).when(register()).then([registered]);
  });

  it('provisions a terminal to a registered merchant, with the fingerprint of its secret only', () => {
    spec().given([registered]).when(provision()).then([provisioned]);
  });

  it.each<[string, () => RegistryCommand, unknown[], new (...args: never[]) => Error, string]>([
    ['a merchant registered twice', () => register(), [registered], MerchantExistsError, 'REGISTRY.MERCHANT_EXISTS'],
    ['a terminal of an unknown merchant', () => provision('t-1', 'm-9'), [registered], UnknownMerchantError, 'REGISTRY.UNKNOWN_MERCHANT'],
    ['a terminal provisioned twice', () => provision(), [registered, provisioned], TerminalExistsError, 'REGISTRY.TERMINAL_EXISTS'],
    ['a time zone that is not IANA', () => register({ timeZone: 'Mars/Olympus' }), [], InvalidTimeZoneError, 'REGISTRY.INVALID_TIME_ZONE'],
    ['an invalid merchant id', () => register({ merchantId: 'm 1' }), [], InvalidRegistryIdError, 'REGISTRY.INVALID_ID'],
    ['an invalid terminal id', () => provision('t/1'), [registered], InvalidRegistryIdError, 'REGISTRY.INVALID_ID'],
    ['an unknown currency', () => register({ currency: 'XXY' }), [], InvalidCurrencyError, 'REGISTRY.INVALID_CURRENCY'],
    ['an empty name', () => register({ name: ' ' }), [], InvalidRegistrationError, 'REGISTRY.INVALID_ARGUMENT'],
    ['an operator of an unknown merchant', () => addOperator('op-7', 'CASHIER', 'A', 'm-9'), [registered], UnknownMerchantError, 'REGISTRY.UNKNOWN_MERCHANT'],
    ['an operator added twice', () => addOperator('op-7', 'SUPERVISOR', 'B'), [registered, operatorAdded], OperatorExistsError, 'REGISTRY.OPERATOR_EXISTS'],
    ['an operator with an invalid id', () => addOperator('op 7'), [registered], InvalidRegistryIdError, 'REGISTRY.INVALID_ID'],
    ['an operator with an empty name', () => addOperator('op-7', 'CASHIER', '  '), [registered], InvalidRegistrationError, 'REGISTRY.INVALID_ARGUMENT'],
    ['an operator with an unknown role', () => addOperator('op-7', 'MANAGER' as OperatorRole), [registered], InvalidRegistrationError, 'REGISTRY.INVALID_ARGUMENT'],
    ['disabling an operator the merchant does not have', () => disable('op-8'), [registered, operatorAdded], UnknownOperatorError, 'REGISTRY.UNKNOWN_OPERATOR'],
    ['a supervisor limit for an unknown merchant', () => limit('5000', 'm-9'), [registered], UnknownMerchantError, 'REGISTRY.UNKNOWN_MERCHANT'],
    ['a supervisor limit that is not a whole number of minor units', () => limit('50.00'), [registered], InvalidRegistrationError, 'REGISTRY.INVALID_ARGUMENT'],
    ['a supervisor limit above the largest amount', () => limit('1000000000000'), [registered], InvalidRegistrationError, 'REGISTRY.INVALID_ARGUMENT'],
    ['an offline limit for an unknown merchant', () => offlineLimit('5000', 'm-9'), [registered], UnknownMerchantError, 'REGISTRY.UNKNOWN_MERCHANT'],
    ['an offline limit below zero', () => offlineLimit('-1'), [registered], InvalidRegistrationError, 'REGISTRY.INVALID_ARGUMENT'],
    ['a pre-authorisation tolerance above 100%', () => holdPolicy(101, 7), [registered], InvalidRegistrationError, 'REGISTRY.INVALID_ARGUMENT'],
    ['a hold expiring after 0 days', () => holdPolicy(15, 0), [registered], InvalidRegistrationError, 'REGISTRY.INVALID_ARGUMENT'],
    ['a hold expiring after a fraction of a day', () => holdPolicy(15, 1.5), [registered], InvalidRegistrationError, 'REGISTRY.INVALID_ARGUMENT'],
    ['a pre-authorisation policy for an unknown merchant', () => holdPolicy(15, 30, 'm-9'), [registered], UnknownMerchantError, 'REGISTRY.UNKNOWN_MERCHANT'],
    ['a refund fee policy that is neither KEPT nor RETURNED', () => ({ type: 'SetRefundFeePolicy', data: { merchantId: 'm-1', policy: 'HALVED' as never } }), [registered], InvalidRegistrationError, 'REGISTRY.INVALID_ARGUMENT'],
    ['a payout delay beyond 30 days', () => ({ type: 'SetPayoutSchedule', data: { merchantId: 'm-1', delayDays: 31, cutoff: '00:00' } }), [registered], InvalidRegistrationError, 'REGISTRY.INVALID_ARGUMENT'],
    ['a payout cut-off that is no time of day', () => ({ type: 'SetPayoutSchedule', data: { merchantId: 'm-1', delayDays: 1, cutoff: '24:00' } }), [registered], InvalidRegistrationError, 'REGISTRY.INVALID_ARGUMENT'],
    ['a payout schedule of an unknown merchant', () => ({ type: 'SetPayoutSchedule', data: { merchantId: 'm-9', delayDays: 1, cutoff: '18:00' } }), [registered], UnknownMerchantError, 'REGISTRY.UNKNOWN_MERCHANT'],
    ["disabling another merchant's operator", () => disable('op-7', 'm-2'), [registered, operatorAdded], UnknownOperatorError, 'REGISTRY.UNKNOWN_OPERATOR'],
  ])('refuses %s with a typed error', (_name, command, given, errorClass, code) => {
    spec()
      .given(given as RegistryEvent[])
      .when(command())
      .thenThrows(errorClass, (e) => (e as Error & { code: string }).code === code);
  });

  it('adds an operator to a registered merchant, its name trimmed', () => {
    spec().given([registered]).when(addOperator('op-7', 'CASHIER', ' 收银员一 ')).then([operatorAdded]);
  });

  it('disables an operator once: disabling it again changes nothing', () => {
    spec().given([registered, operatorAdded]).when(disable()).then([operatorDisabled]);
    spec().given([registered, operatorAdded, operatorDisabled]).when(disable()).then([]);
  });

  it("keeps each merchant's operators apart: the same operator id may serve two merchants", () => {
    const other: MerchantRegistered = { type: 'MerchantRegistered', data: { ...registration, merchantId: 'm-2' } };
    const history: RegistryEvent[] = [registered, other, operatorAdded, { type: 'OperatorAdded', data: { ...operatorAdded.data, merchantId: 'm-2', role: 'SUPERVISOR' } }, operatorDisabled];
    const state = history.reduce(registryDecider.evolve, registryDecider.initialState());
    expect(operatorsOf(state, 'm-1')['op-7']).toEqual({ operatorId: 'op-7', name: '收银员一', role: 'CASHIER', active: false });
    expect(operatorsOf(state, 'm-2')['op-7']).toEqual({ operatorId: 'op-7', name: '收银员一', role: 'SUPERVISOR', active: true });
    expect(operatorsOf(state, 'm-3')).toEqual({});
  });

  it('sets a supervisor limit, changes it and lifts it', () => {
    spec().given([registered]).when(limit('5000')).then([{ type: 'SupervisorLimitSet', data: { merchantId: 'm-1', aboveMinor: '5000' } }]);
    const history: RegistryEvent[] = [registered, { type: 'SupervisorLimitSet', data: { merchantId: 'm-1', aboveMinor: '5000' } }];
    expect(supervisorLimitOf(history.reduce(registryDecider.evolve, registryDecider.initialState()), 'm-1')).toBe('5000');
    const lifted: RegistryEvent[] = [...history, { type: 'SupervisorLimitSet', data: { merchantId: 'm-1', aboveMinor: null } }];
    expect(supervisorLimitOf(lifted.reduce(registryDecider.evolve, registryDecider.initialState()), 'm-1')).toBeUndefined();
  });

  it('sets an offline limit, changes it and lifts it (no offline sales)', () => {
    const set: RegistryEvent = { type: 'OfflineLimitSet', data: { merchantId: 'm-1', upToMinor: '30000' } };
    spec().given([registered]).when(offlineLimit('30000')).then([set]);
    const state = (events: RegistryEvent[]) => events.reduce(registryDecider.evolve, registryDecider.initialState());
    expect(offlineLimitOf(state([registered]), 'm-1')).toBeUndefined();
    expect(offlineLimitOf(state([registered, set]), 'm-1')).toBe('30000');
    expect(supervisorLimitOf(state([registered, set]), 'm-1')).toBeUndefined();
    expect(offlineLimitOf(state([registered, set, { type: 'OfflineLimitSet', data: { merchantId: 'm-1', upToMinor: null } }]), 'm-1')).toBeUndefined();
  });

  it("sets a merchant's pre-authorisation policy; a merchant without one has none (the defaults apply)", () => {
    const set: RegistryEvent = { type: 'PreAuthorizationPolicySet', data: { merchantId: 'm-1', tolerancePercent: 15, expiryDays: 30 } };
    spec().given([registered]).when(holdPolicy(15, 30)).then([set]);
    const state = [registered, set].reduce(registryDecider.evolve, registryDecider.initialState());
    expect(preAuthorizationPolicyOf(state, 'm-1')).toEqual({ tolerancePercent: 15, expiryDays: 30 });
    expect(preAuthorizationPolicyOf(state, 'm-2')).toBeUndefined();
  });

  it("lists each merchant's terminals and no other's", () => {
    const second: MerchantRegistered = { type: 'MerchantRegistered', data: { ...registration, merchantId: 'm-2' } };
    const terminalOf = (terminalId: string, merchantId: string): TerminalProvisioned => ({ type: 'TerminalProvisioned', data: { terminalId, merchantId, secretFingerprint: 'sha256:ab12' } });
    const state = [registered, second, terminalOf('t-1', 'm-1'), terminalOf('t-2', 'm-2'), terminalOf('t-3', 'm-1')].reduce(registryDecider.evolve, registryDecider.initialState());
    expect(terminalsOfMerchant(state, 'm-1').sort()).toEqual(['t-1', 't-3']);
    expect(terminalsOfMerchant(state, 'm-2')).toEqual(['t-2']);
    expect(terminalsOfMerchant(state, 'm-9')).toEqual([]);
  });

  it('sets when payouts are cut off and paid; a merchant that set nothing is paid T+1 at midnight', () => {
    const set: RegistryEvent = { type: 'PayoutScheduleSet', data: { merchantId: 'm-1', delayDays: 2, cutoff: '18:30' } };
    spec().given([registered]).when({ type: 'SetPayoutSchedule', data: { merchantId: 'm-1', delayDays: 2, cutoff: '18:30' } }).then([set]);
    expect(payoutScheduleOf([registered, set].reduce(registryDecider.evolve, registryDecider.initialState()), 'm-1')).toEqual({ delayDays: 2, cutoff: '18:30' });
    expect(payoutScheduleOf([registered].reduce(registryDecider.evolve, registryDecider.initialState()), 'm-1')).toEqual({ delayDays: 1, cutoff: '00:00' });
  });

  it('sets what refunds do with fees; a merchant that set nothing keeps the default', () => {
    const set: RegistryEvent = { type: 'RefundFeePolicySet', data: { merchantId: 'm-1', policy: 'RETURNED' } };
    spec().given([registered]).when({ type: 'SetRefundFeePolicy', data: { merchantId: 'm-1', policy: 'RETURNED' } }).then([set]);
    expect(refundFeePolicyOf([registered, set].reduce(registryDecider.evolve, registryDecider.initialState()), 'm-1')).toBe('RETURNED');
    expect(refundFeePolicyOf([registered].reduce(registryDecider.evolve, registryDecider.initialState()), 'm-1')).toBeUndefined();
  });

  it('refuses a fee schedule out of range', () => {
    spec()
      .given([])
      .when(register({ feeSchedule: { ...DEFAULT_FEE_SCHEDULE, CREDIT: 20000 } }))
      .thenThrows(InvalidFeeScheduleError);
  });
});
