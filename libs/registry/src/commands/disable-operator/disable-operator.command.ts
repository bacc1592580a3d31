import { Command } from '@nestjs/cqrs';

export class DisableOperatorCommand extends Command<void> {
  constructor(readonly merchantId: string, readonly operatorId: string) {
    super();
  }
}
