import { Controller, Get, Headers, Inject, Query, Res } from '@nestjs/common';
import type { ReadStore } from '@posledger/read-store';
import { exportLedger } from '@posledger/views';
import type { FastifyReply } from 'fastify';
import { READ_STORE } from '../reports.tokens';
import { MerchantTimeZones } from '../merchants/merchant-time-zones';
import { periodParameters, type ExportQuery } from './export-parameters';
import { ExportResponder } from './export-responder';

/** GET /v1/exports/ledger?merchantId=&from=&to=&format=csv|jsonl (from/to: recorded time). */
@Controller('v1/exports')
export class LedgerExportHttpController {
  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    private readonly zones: MerchantTimeZones,
    private readonly exports: ExportResponder,
  ) {}

  @Get('ledger')
  ledger(@Headers('authorization') authorization: string | undefined, @Query() query: ExportQuery, @Res() reply: FastifyReply): Promise<void> {
    return this.exports.respond({ authorization, query, reply }, 'ledger', async (merchantId, format) => {
      const { from, to } = periodParameters(query, await this.zones.of(merchantId));
      return exportLedger(this.store, merchantId, from, to, format);
    });
  }
}
