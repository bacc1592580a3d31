import { hasKeyed, type KeyedRecord } from '../ledger/keyed-record';
import { isValidId } from '../values/ids';
import { InvalidRegistrationError } from './invalid-registration.error';
import { InvalidRegistryIdError } from './invalid-registry-id.error';
import { OperatorExistsError } from './operator-exists.error';
import { UnknownMerchantError } from './unknown-merchant.error';
import { UnknownOperatorError } from './unknown-operator.error';

/** A cashier takes sales; a supervisor also approves voids and refunds above the merchant's limit. */
export const OPERATOR_ROLES = ['CASHIER', 'SUPERVISOR'] as const;
export type OperatorRole = (typeof OPERATOR_ROLES)[number];

export interface OperatorProvisioning {
  merchantId: string;
  operatorId: string;
  name: string;
  role: OperatorRole;
}

export interface Operator {
  operatorId: string;
  name: string;
  role: OperatorRole;
  active: boolean;
}

/** One merchant's operators by id. Empty until the merchant adds its first: until then any operator id signs in. */
export type OperatorDirectory = Readonly<Record<string, Readonly<Operator>>>;

export type OperatorAdded = Readonly<{ type: 'OperatorAdded'; data: Readonly<OperatorProvisioning> }>;
export type OperatorDisabled = Readonly<{ type: 'OperatorDisabled'; data: Readonly<{ merchantId: string; operatorId: string }> }>;

const has = (record: Readonly<Record<string, unknown>>, key: string) => Object.prototype.hasOwnProperty.call(record, key);

export function operatorOf(directory: OperatorDirectory, operatorId: string): Readonly<Operator> | undefined {
  return has(directory, operatorId) ? directory[operatorId] : undefined;
}

export function addOperator(data: OperatorProvisioning, merchants: KeyedRecord<unknown>, directory: OperatorDirectory): OperatorAdded {
  if (!isValidId(data.operatorId)) throw new InvalidRegistryIdError('operator id', data.operatorId);
  if (typeof data.name !== 'string' || data.name.trim() === '' || data.name.length > 100) {
    throw new InvalidRegistrationError('an operator name must be 1 to 100 characters');
  }
  if (!OPERATOR_ROLES.includes(data.role)) throw new InvalidRegistrationError(`an operator's role must be one of ${OPERATOR_ROLES.join(', ')}`);
  if (!hasKeyed(merchants, data.merchantId)) throw new UnknownMerchantError(data.merchantId);
  if (operatorOf(directory, data.operatorId)) throw new OperatorExistsError(data.merchantId, data.operatorId);
  return { type: 'OperatorAdded', data: { merchantId: data.merchantId, operatorId: data.operatorId, name: data.name.trim(), role: data.role } };
}

/** Disabling a disabled operator changes nothing. */
export function disableOperator(data: OperatorDisabled['data'], directory: OperatorDirectory): OperatorDisabled[] {
  const operator = operatorOf(directory, data.operatorId);
  if (!operator) throw new UnknownOperatorError(data.merchantId, data.operatorId);
  return operator.active ? [{ type: 'OperatorDisabled', data: { merchantId: data.merchantId, operatorId: data.operatorId } }] : [];
}

export function withOperatorAdded(directory: OperatorDirectory, { operatorId, name, role }: OperatorProvisioning): OperatorDirectory {
  return { ...directory, [operatorId]: { operatorId, name, role, active: true } };
}

export function withOperatorDisabled(directory: OperatorDirectory, operatorId: string): OperatorDirectory {
  const operator = operatorOf(directory, operatorId);
  return operator ? { ...directory, [operatorId]: { ...operator, active: false } } : directory;
}
