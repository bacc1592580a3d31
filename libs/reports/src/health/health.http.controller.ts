import { Controller, Get } from '@nestjs/common';

@Controller()
export class HealthHttpController {
  @Get('health')
  health(): { status: string } {
    return { status: 'ok' };
  }
}
