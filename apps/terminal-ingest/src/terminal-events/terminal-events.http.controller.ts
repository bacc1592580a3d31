import { Body, Controller, Get, Headers, HttpCode, Post } from '@nestjs/common';
import { AcceptTerminalEventsService, type AcceptedBatch } from './accept-terminal-events.service';

@Controller()
export class TerminalEventsHttpController {
  constructor(private readonly acceptTerminalEvents: AcceptTerminalEventsService) {}

  @Post('v1/terminal-events')
  @HttpCode(202)
  post(@Body() rawBody: unknown, @Headers() headers: Record<string, string | undefined>): Promise<AcceptedBatch> {
    return this.acceptTerminalEvents.accept(
      {
        terminalId: headers['x-terminal-id'],
        timestamp: headers['x-timestamp'],
        signature: headers['x-signature'],
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
