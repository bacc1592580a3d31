import { Controller, Get, Headers, Inject, Logger, Query, Res } from '@nestjs/common';
import type { Grant } from '@posledger/credentials';
import type { ReadStore } from '@posledger/read-store';
import type { FastifyReply } from 'fastify';
import { AUDIT_TRAIL, type AuditTrail } from '../audit/audit-trail.port';
import { bearerToken } from '../auth/bearer-token';
import { merchantInScope, NotAuthenticatedError, NotAuthorizedError } from '../auth/grant-context';
import { InvalidArgumentError } from '../graphql/instant';
import { CREDENTIALS, READ_STORE } from '../reports.tokens';
import { exportFormat, instantParameter, singleParameter, type ExportQuery } from './ledger-export.arguments';
import { exportLedger, type ExportFormat } from '@posledger/views';

const CONTENT_TYPE: Record<ExportFormat, string> = { csv: 'text/csv; charset=utf-8', jsonl: 'application/x-ndjson; charset=utf-8' };

/** GET /v1/exports/ledger?merchantId=&from=&to=&format=csv|jsonl (from/to: recorded time). */
@Controller('v1/exports')
export class LedgerExportHttpController {
  private readonly logger = new Logger('ReportsExport');

  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    @Inject(CREDENTIALS) private readonly credentials: { grantFor(token: string): Grant | undefined },
    @Inject(AUDIT_TRAIL) private readonly trail: AuditTrail,
  ) {}

  @Get('ledger')
  async ledger(@Headers('authorization') authorization: string | undefined, @Query() query: ExportQuery, @Res() reply: FastifyReply): Promise<void> {
    try {
      const token = bearerToken(authorization);
      const grant = token ? this.credentials.grantFor(token) : undefined;
      const merchantId = merchantInScope({ grant }, singleParameter(query, 'merchantId'));
      if (grant?.role === 'auditor') {
        // Recorded as asked, before the period and format are checked: a refused attempt is an access too.
        const detail = JSON.stringify({ merchantId, from: query.from, to: query.to, format: query.format });
        await this.trail.record({ subject: grant.subject, at: new Date().toISOString(), action: 'EXPORT', operation: 'ledger', detail });
      }
      const format = exportFormat(query);
      const from = instantParameter(query, 'from');
      const to = instantParameter(query, 'to');
      const body = await exportLedger(this.store, merchantId, from, to, format);
      // Headers are built from checked values only: merchantId is a well-formed id, format one of two words.
      void reply
        .status(200)
        .header('Content-Type', CONTENT_TYPE[format])
        .header('Content-Disposition', `attachment; filename="ledger-${merchantId}.${format}"`)
        .send(body);
    } catch (error) {
      if (!(error instanceof NotAuthorizedError || error instanceof InvalidArgumentError)) throw error;
      const status = error instanceof NotAuthenticatedError ? 401 : error instanceof NotAuthorizedError ? 403 : 400;
      this.logger.warn(`ledger export refused: ${error.code} ${JSON.stringify(error.message)}`);
      void reply.status(status).send({ error: error.code, message: error.message });
    }
  }
}
