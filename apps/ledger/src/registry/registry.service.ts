import { randomUUID } from 'node:crypto';
import { registryDecider, type RegistryCommand } from '@posledger/domain';
import { ExpectedVersionConflictError, type EventStore } from '@posledger/event-store';
import { REGISTRY_STREAM, RegistryView } from './registry-view';

const MAX_ATTEMPTS = 5;

/** Provisioning: merchants and terminals through the registry decider, appended with expected revision. */
export class RegistryService {
  readonly view: RegistryView;

  constructor(private readonly store: EventStore) {
    this.view = new RegistryView(store);
  }

  async execute(command: RegistryCommand): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      await this.view.refresh();
      const events = registryDecider.decide(command, this.view.current);
      try {
        await this.store.appendToStream(
          REGISTRY_STREAM,
          events.map((event) => ({ id: randomUUID(), type: event.type, data: event.data })),
          this.view.revision,
        );
        await this.view.refresh();
        return;
      } catch (error) {
        if (!(error instanceof ExpectedVersionConflictError) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }
}
