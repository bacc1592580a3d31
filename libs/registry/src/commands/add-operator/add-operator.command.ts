import { Command } from '@nestjs/cqrs';
import type { OperatorProvisioning } from '@posledger/domain';

export class AddOperatorCommand extends Command<void> {
  constructor(readonly operator: OperatorProvisioning) {
    super();
  }
}
