import { DEFAULT_FEE_SCHEDULE } from '../ledger/fee-schedule';
import { InvalidFeeScheduleError } from '../ledger/invalid-fee-schedule.error';
import { DeciderSpecification } from '../testing';
import { InvalidCurrencyError } from './invalid-currency.error';
import { InvalidRegistrationError } from './invalid-registration.error';
import { InvalidRegistryIdError } from './invalid-registry-id.error';
import { InvalidTimeZoneError } from './invalid-time-zone.error';
import { MerchantExistsError } from './merchant-exists.error';
import { MerchantRegistered, RegistryCommand, registryDecider, TerminalProvisioned } from './registry.decider';
import { TerminalExistsError } from './terminal-exists.error';
import { UnknownMerchantError } from './unknown-merchant.error';

const spec = () => DeciderSpecification.for(registryDecider);

const registration = { merchantId: 'm-1', name: 'Tea House', timeZone: 'Asia/Shanghai', currency: 'CNY', feeSchedule: DEFAULT_FEE_SCHEDULE };
const register = (data: Partial<typeof registration> = {}): RegistryCommand => ({ type: 'RegisterMerchant', data: { ...registration, ...data } });
const provision = (terminalId = 't-1', merchantId = 'm-1'): RegistryCommand => ({
  type: 'ProvisionTerminal',
  data: { terminalId, merchantId, secretFingerprint: 'sha256:ab12' },
});
const registered: MerchantRegistered = { type: 'MerchantRegistered', data: registration };
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
  ])('refuses %s with a typed error', (_name, command, given, errorClass, code) => {
    spec()
      .given(given as MerchantRegistered[])
      .when(command())
      .thenThrows(errorClass, (e) => (e as Error & { code: string }).code === code);
  });

  it('refuses a fee schedule out of range', () => {
    spec()
      .given([])
      .when(register({ feeSchedule: { ...DEFAULT_FEE_SCHEDULE, CREDIT: 20000 } }))
      .thenThrows(InvalidFeeScheduleError);
  });
});
