import { UnknownMerchantError, type Operator, type OperatorProvisioning } from '@posledger/domain';
import { AddOperatorCommand, DisableOperatorCommand, SetSupervisorLimitCommand } from '@posledger/registry';
import type { ProvisioningStores } from './open-stores';

export async function addOperator(stores: ProvisioningStores, operator: OperatorProvisioning): Promise<void> {
  await stores.registry.execute(new AddOperatorCommand(operator));
}

export async function disableOperator(stores: ProvisioningStores, merchantId: string, operatorId: string): Promise<void> {
  await stores.registry.execute(new DisableOperatorCommand(merchantId, operatorId));
}

/** The merchant's operators, by id, and its supervisor limit (null: none). */
export async function listOperators(stores: ProvisioningStores, merchantId: string): Promise<{ operators: Operator[]; supervisorAboveMinor: string | null }> {
  const { view } = stores.registry;
  if (!(await view.merchant(merchantId))) throw new UnknownMerchantError(merchantId);
  await view.refresh();
  return {
    operators: Object.values(view.operatorsOf(merchantId)).sort((a, b) => a.operatorId.localeCompare(b.operatorId)),
    supervisorAboveMinor: view.supervisorLimitOf(merchantId) ?? null,
  };
}

/** Voids and refunds above `aboveMinor` need a supervisor; null lifts the limit. */
export async function setSupervisorLimit(stores: ProvisioningStores, merchantId: string, aboveMinor: string | null): Promise<void> {
  await stores.registry.execute(new SetSupervisorLimitCommand(merchantId, aboveMinor));
}
