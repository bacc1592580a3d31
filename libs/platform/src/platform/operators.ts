import { UnknownMerchantError, type Operator, type OperatorProvisioning } from '@posledger/domain';
import { AddOperatorCommand, DisableOperatorCommand } from '@posledger/registry';
import type { ProvisioningStores } from './open-stores';

export async function addOperator(stores: ProvisioningStores, operator: OperatorProvisioning): Promise<void> {
  await stores.registry.execute(new AddOperatorCommand(operator));
}

export async function disableOperator(stores: ProvisioningStores, merchantId: string, operatorId: string): Promise<void> {
  await stores.registry.execute(new DisableOperatorCommand(merchantId, operatorId));
}

/** The merchant's operators, by id. */
export async function listOperators(stores: ProvisioningStores, merchantId: string): Promise<Operator[]> {
  const { view } = stores.registry;
  if (!(await view.merchant(merchantId))) throw new UnknownMerchantError(merchantId);
  await view.refresh();
  return Object.values(view.operatorsOf(merchantId)).sort((a, b) => a.operatorId.localeCompare(b.operatorId));
}
