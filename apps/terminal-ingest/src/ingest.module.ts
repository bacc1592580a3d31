import { Module, type DynamicModule } from '@nestjs/common';
import type { TransportProducer } from '@posledger/transport';
import type { SeenEventIds } from './dedupe/seen-event-ids';
import { TerminalRateLimiter } from './rate-limit/token-bucket';
import {
  RATE_LIMITER,
  SEEN_EVENT_IDS,
  TERMINAL_DIRECTORY,
  TERMINAL_SECRETS,
  TRANSPORT_PRODUCER,
  type TerminalDirectory,
  type TerminalSecrets,
} from './terminal-directory.port';
import { AcceptTerminalEventsService } from './terminal-events/accept-terminal-events.service';
import { TerminalEventsHttpController } from './terminal-events/terminal-events.http.controller';

export interface IngestDependencies {
  readonly directory: TerminalDirectory;
  readonly secrets: TerminalSecrets;
  readonly seenEventIds: SeenEventIds;
  readonly producer: TransportProducer;
  readonly terminalRateLimit: number;
}

@Module({})
export class IngestModule {
  static register(deps: IngestDependencies): DynamicModule {
    return {
      module: IngestModule,
      controllers: [TerminalEventsHttpController],
      providers: [
        AcceptTerminalEventsService,
        { provide: TERMINAL_DIRECTORY, useValue: deps.directory },
        { provide: TERMINAL_SECRETS, useValue: deps.secrets },
        { provide: SEEN_EVENT_IDS, useValue: deps.seenEventIds },
        { provide: TRANSPORT_PRODUCER, useValue: deps.producer },
        { provide: RATE_LIMITER, useValue: new TerminalRateLimiter(deps.terminalRateLimit) },
      ],
    };
  }
}
