import { Command } from '@nestjs/cqrs';
import type { TerminalProvisioning } from '@posledger/domain';

export class ProvisionTerminalCommand extends Command<void> {
  constructor(readonly provisioning: TerminalProvisioning) {
    super();
  }
}
