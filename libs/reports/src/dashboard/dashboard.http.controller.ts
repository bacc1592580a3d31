import { Controller, Get, Header } from '@nestjs/common';
import { DASHBOARD_HTML } from './dashboard.html';

@Controller()
export class DashboardHttpController {
  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Content-Security-Policy', "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'")
  dashboard(): string {
    return DASHBOARD_HTML;
  }

  @Get('health')
  health(): { status: string } {
    return { status: 'ok' };
  }
}
