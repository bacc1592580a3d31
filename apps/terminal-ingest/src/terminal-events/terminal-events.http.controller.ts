import { Controller, Get, Headers, HttpCode, Post, Req, type RawBodyRequest } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AcceptTerminalEventsService, type AcceptedBatch } from './accept-terminal-events.service';

@Controller()
export class TerminalEventsHttpController {
  constructor(private readonly acceptTerminalEvents: AcceptTerminalEventsService) {}

  @Post('v1/terminal-events')
  @HttpCode(202)
  post(@Req() request: RawBodyRequest<FastifyRequest>, @Headers() headers: Record<string, string | undefined>): Promise<AcceptedBatch> {
    return this.acceptTerminalEvents.accept(
      {
        terminalId: headers['x-terminal-id'],
        timestamp: headers['x-timestamp'],
        signature: headers['x-signature'],
        rawBody: request.rawBody?.toString('utf8') ?? '',
      },
      Date.now(),
    );
  }

  @Get('health')
  health(): { status: string } {
    return { status: 'ok' };
  }
}
