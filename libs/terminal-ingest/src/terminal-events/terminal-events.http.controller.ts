import { Body, Controller, Get, Headers, HttpCode, Post } from '@nestjs/common';
import type { IncomingHttpHeaders } from 'node:http';
import { AcceptTerminalEventsService, type AcceptedBatch } from './accept-terminal-events.service';

// A header sent twice reaches the use case as Node joins it over HTTP ("a, b"), whatever the server was handed.
function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

@Controller()
export class TerminalEventsHttpController {
  constructor(private readonly acceptTerminalEvents: AcceptTerminalEventsService) {}

  @Post('v1/terminal-events')
  @HttpCode(202)
  post(@Body() rawBody: unknown, @Headers() headers: IncomingHttpHeaders): Promise<AcceptedBatch> {
    return this.acceptTerminalEvents.accept(
      {
        terminalId: header(headers, 'x-terminal-id'),
        timestamp: header(headers, 'x-timestamp'),
        signature: header(headers, 'x-signature'),
        rawBody: typeof rawBody === 'string' ? rawBody : '',
      },
      Date.now(),
    );
  }

  @Get('health')
  health(): { status: string } {
    return { status: 'ok' };
  }
}
