import { OPERATOR_ROLES, type OperatorRole } from '@posledger/domain';
import type { PlatformConfig } from '@posledger/platform-config';
import { addOperator, disableOperator, listOperators, openProvisioningStores, printJson, setSupervisorLimit, type ProvisioningStores } from '@posledger/platform';
import { UsageError } from '../cli/cli-error';

type Options = Record<string, string | boolean | undefined>;

function required(command: string, options: Options, name: string): string {
  const value = options[name];
  if (typeof value !== 'string' || value === '') throw new UsageError(`${command} needs --${name}`);
  return value;
}

function roleOf(value: string): OperatorRole {
  const role = value.toUpperCase();
  if (!(OPERATOR_ROLES as readonly string[]).includes(role)) throw new UsageError(`--role must be ${OPERATOR_ROLES.map((r) => r.toLowerCase()).join(' or ')}`);
  return role as OperatorRole;
}

async function withStores(config: PlatformConfig, run: (stores: ProvisioningStores) => Promise<void>): Promise<void> {
  const stores = await openProvisioningStores(config);
  try {
    await run(stores);
  } finally {
    await stores.close();
  }
}

/** `operator add|list|disable|limit`: a merchant's cashiers and supervisors, and what needs a supervisor. */
export async function operatorCommand(config: PlatformConfig, action: string, options: Options): Promise<void> {
  const command = `operator ${action}`;
  const merchantId = required(command, options, 'merchant');
  switch (action) {
    case 'add': {
      const operator = { merchantId, operatorId: required(command, options, 'id'), name: required(command, options, 'name'), role: roleOf(required(command, options, 'role')) };
      return withStores(config, async (stores) => {
        await addOperator(stores, operator);
        printJson({ ...operator, active: true });
      });
    }
    case 'disable': {
      const operatorId = required(command, options, 'id');
      return withStores(config, async (stores) => {
        await disableOperator(stores, merchantId, operatorId);
        printJson({ merchantId, operatorId, active: false });
      });
    }
    case 'list':
      return withStores(config, async (stores) => printJson({ merchantId, ...(await listOperators(stores, merchantId)) }));
    case 'limit': {
      const above = required(command, options, 'above');
      const aboveMinor = above === 'none' ? null : above;
      return withStores(config, async (stores) => {
        await setSupervisorLimit(stores, merchantId, aboveMinor);
        printJson({ merchantId, supervisorAboveMinor: aboveMinor });
      });
    }
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}
