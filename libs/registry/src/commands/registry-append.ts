import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { registryDecider, REGISTRY_STREAM, type RegistryCommand } from '@posledger/domain';
import { handleCommand, type EventStore } from '@posledger/event-store';
import { RegistryView } from '../registry-view';
import { REGISTRY_EVENT_STORE } from '../registry.tokens';

/** The registry's commands through the event store's one command loop, decided on the view's folded state. */
@Injectable()
export class RegistryAppend {
  constructor(
    @Inject(REGISTRY_EVENT_STORE) private readonly store: EventStore,
    private readonly view: RegistryView,
  ) {}

  async run(command: RegistryCommand): Promise<void> {
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
