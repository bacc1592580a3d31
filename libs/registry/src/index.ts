export { RegistryView } from './registry-view';
export type { MerchantProfile } from './registry-view';
export { openRegistry } from './open-registry';
export type { Registry } from './open-registry';
export { RegisterMerchantCommand } from './commands/register-merchant/register-merchant.command';
export { ProvisionTerminalCommand } from './commands/provision-terminal/provision-terminal.command';
export { AddOperatorCommand } from './commands/add-operator/add-operator.command';
export { DisableOperatorCommand } from './commands/disable-operator/disable-operator.command';
export { SetSupervisorLimitCommand } from './commands/set-supervisor-limit/set-supervisor-limit.command';
