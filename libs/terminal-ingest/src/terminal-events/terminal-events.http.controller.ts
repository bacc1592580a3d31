import { Body, Controller, Get, Header, Headers, HttpCode, Post } from '@nestjs/common';
import { TERMINAL_EVENT_BATCH_SCHEMA, type SchemaNode } from '@posledger/domain';
import type { IncomingHttpHeaders } from 'node:http';
import { CommandBus } from '@nestjs/cqrs';
import { AcceptTerminalEventsCommand, type AcceptedBatch } from './accept-terminal-events/accept-terminal-events.command';

// A header sent twice reaches the use case as Node joins it over HTTP ("a, b"), whatever the server was handed.
function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

@Controller()
export class TerminalEventsHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post('v1/terminal-events')
  @HttpCode(202)
  post(@Body() rawBody: unknown, @Headers() headers: IncomingHttpHeaders): Promise<AcceptedBatch> {
    return this.commandBus.execute(new AcceptTerminalEventsCommand(
      {
        terminalId: header(headers, 'x-terminal-id'),
        timestamp: header(headers, 'x-timestamp'),
        signature: header(headers, 'x-signature'),
        rawBody: typeof rawBody === 'string' ? rawBody : '',
      },
      Date.now(),
    ));
  }

  /** The JSON Schema ingest validates a batch with (the same object, compiled): for integrators and their tests. */
  @Get('v1/terminal-events/schema')
  @Header('Content-Type', 'application/schema+json; charset=utf-8')
  schema(): SchemaNode {
    return TERMINAL_EVENT_BATCH_SCHEMA;
  }

  @Get('health')
  health(): { status: string } {
    return { status: 'ok' };
  }
}
