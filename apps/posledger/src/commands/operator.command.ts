import { OPERATOR_ROLES, type OperatorRole } from '@posledger/domain';
import type { PlatformConfig } from '@posledger/platform-config';
import { addOperator, disableOperator, listOperators, printJson, setSupervisorLimit } from '@posledger/platform';
import { UsageError } from '../cli/cli-error';
import { required, withStores, type CliOptions } from '../cli/cli-options';

function roleOf(value: string): OperatorRole {
  const role = value.toUpperCase();
  if (!(OPERATOR_ROLES as readonly string[]).includes(role)) throw new UsageError(`--role must be ${OPERATOR_ROLES.map((r) => r.toLowerCase()).join(' or ')}`);
  return role as OperatorRole;
}

/** `operator add|list|disable|limit`: a merchant's cashiers and supervisors, and what needs a supervisor. */
export async function operatorCommand(config: PlatformConfig, action: string, options: CliOptions): Promise<void> {
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
