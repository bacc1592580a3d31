import { randomUUID } from 'node:crypto';
import { registryDecider, REGISTRY_STREAM, type RegistryCommand } from '@posledger/domain';
import { handleCommand, type EventStore } from '@posledger/event-store';
import { RegistryView } from './registry-view';

/** Provisioning: merchants and terminals through the registry decider, appended with expected revision. */
export class RegistryService {
  readonly view: RegistryView;

  constructor(private readonly store: EventStore) {
    this.view = new RegistryView(store);
  }

  async execute(command: RegistryCommand): Promise<void> {
    await handleCommand(this.store, REGISTRY_STREAM, {
      load: async () => {
        await this.view.refresh();
        return { state: this.view.current, revision: this.view.revision };
      },
      decide: (state) => ({
        events: registryDecider.decide(command, state).map((event) => ({ id: randomUUID(), type: event.type, data: event.data })),
        state,
      }),
      appended: () => this.view.refresh(),
    });
  }
}
