import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type { EventStore } from '@posledger/event-store';
import { AddOperatorService } from './commands/add-operator/add-operator.service';
import { DisableOperatorService } from './commands/disable-operator/disable-operator.service';
import { SetOfflineLimitService } from './commands/set-offline-limit/set-offline-limit.service';
import { SetPreAuthorizationPolicyService } from './commands/set-pre-authorization-policy/set-pre-authorization-policy.service';
import { SetRefundFeePolicyService } from './commands/set-refund-fee-policy/set-refund-fee-policy.service';
import { SetPayoutScheduleService } from './commands/set-payout-schedule/set-payout-schedule.service';
import { SetSupervisorLimitService } from './commands/set-supervisor-limit/set-supervisor-limit.service';
import { ProvisionTerminalService } from './commands/provision-terminal/provision-terminal.service';
import { RegisterMerchantService } from './commands/register-merchant/register-merchant.service';
import { RegistryAppend } from './commands/registry-append';
import { RegistryView } from './registry-view';
import { REGISTRY_EVENT_STORE } from './registry.tokens';

@Module({})
export class RegistryModule {
  static register(eventStore: EventStore): DynamicModule {
    return {
      module: RegistryModule,
      imports: [CqrsModule.forRoot()],
      providers: [
        { provide: REGISTRY_EVENT_STORE, useValue: eventStore },
        { provide: RegistryView, useValue: new RegistryView(eventStore) },
        RegistryAppend,
        RegisterMerchantService,
        ProvisionTerminalService,
        AddOperatorService,
        DisableOperatorService,
        SetSupervisorLimitService,
        SetOfflineLimitService,
        SetPreAuthorizationPolicyService,
        SetRefundFeePolicyService,
        SetPayoutScheduleService,
      ],
      exports: [RegistryView],
    };
  }
}
