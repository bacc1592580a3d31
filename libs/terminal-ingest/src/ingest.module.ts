import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type { TransportProducer } from '@posledger/transport';
import type { SeenEventIds } from './dedupe/seen-event-ids';
import { TerminalRateLimits } from './rate-limit/terminal-rate-limits';
import { RATE_LIMITS, SEEN_EVENT_IDS, TERMINAL_DIRECTORY, TERMINAL_SECRETS, TRANSPORT_PRODUCER } from './ingest.tokens';
import type { TerminalDirectory, TerminalSecrets } from './ingest.ports';
import { AcceptTerminalEventsService } from './terminal-events/accept-terminal-events/accept-terminal-events.service';
import { TerminalEventsHttpController } from './terminal-events/terminal-events.http.controller';

export interface IngestDependencies {
  readonly directory: TerminalDirectory;
  readonly secrets: TerminalSecrets;
  readonly seenEventIds: SeenEventIds;
  readonly producer: TransportProducer;
  readonly terminalRateLimit: number;
  /** Events per second one terminal may send (bursts of twice that, and at least one full batch). */
  readonly terminalEventRateLimit: number;
}

@Module({})
export class IngestModule {
  static register(deps: IngestDependencies): DynamicModule {
    return {
      module: IngestModule,
      imports: [CqrsModule.forRoot()],
      controllers: [TerminalEventsHttpController],
      providers: [
        AcceptTerminalEventsService,
        { provide: TERMINAL_DIRECTORY, useValue: deps.directory },
        { provide: TERMINAL_SECRETS, useValue: deps.secrets },
        { provide: SEEN_EVENT_IDS, useValue: deps.seenEventIds },
        { provide: TRANSPORT_PRODUCER, useValue: deps.producer },
        { provide: RATE_LIMITS, useValue: new TerminalRateLimits(deps.terminalRateLimit, deps.terminalEventRateLimit) },
      ],
    };
  }
}
