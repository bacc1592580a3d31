import { Controller, Get, Headers, Inject, Query, Res } from '@nestjs/common';
import type { Grant } from '@posledger/credentials';
import type { ReadStore } from '@posledger/read-store';
import type { FastifyReply } from 'fastify';
import { AUDIT_TRAIL, type AuditTrail } from '../audit/audit-trail.port';
import { merchantInScope, NotAuthenticatedError, NotAuthorizedError } from '../auth/grant-context';
import { instantArgument, InvalidArgumentError } from '../graphql/instant';
import { CREDENTIALS, READ_STORE } from '../reports.tokens';
import { exportLedger, type ExportFormat } from './ledger-export.query';

const CONTENT_TYPE: Record<ExportFormat, string> = { csv: 'text/csv; charset=utf-8', jsonl: 'application/x-ndjson; charset=utf-8' };

/** GET /v1/exports/ledger?merchantId=&from=&to=&format=csv|jsonl (from/to: recorded time). */
@Controller('v1/exports')
export class LedgerExportHttpController {
  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    @Inject(CREDENTIALS) private readonly credentials: { grantFor(token: string): Grant | undefined },
    @Inject(AUDIT_TRAIL) private readonly trail: AuditTrail,
  ) {}

  @Get('ledger')
  async ledger(
    @Headers('authorization') authorization: string | undefined,
    @Query() query: Record<string, string | undefined>,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    try {
      const token = authorization?.startsWith('Bearer ') ? authorization.slice('Bearer '.length).trim() : '';
      const grant = token ? this.credentials.grantFor(token) : undefined;
      const merchantId = merchantInScope({ grant }, query.merchantId);
      if (grant?.role === 'auditor') {
        // Recorded as asked, before validation: a refused attempt is an access too.
        const detail = JSON.stringify({ merchantId, from: query.from, to: query.to, format: query.format });
        await this.trail.record({ subject: grant.subject, at: new Date().toISOString(), action: 'EXPORT', operation: 'ledger', detail });
      }
      const format = query.format === 'jsonl' ? 'jsonl' : query.format === 'csv' || query.format === undefined ? 'csv' : undefined;
      if (!format) throw new InvalidArgumentError('format must be csv or jsonl');
      const from = instantArgument('from', query.from ?? '');
      const to = instantArgument('to', query.to ?? '');
      const body = await exportLedger(this.store, merchantId, from, to, format);
      void reply
        .status(200)
        .header('Content-Type', CONTENT_TYPE[format])
        .header('Content-Disposition', `attachment; filename="ledger-${merchantId}.${format}"`)
        .send(body);
    } catch (error) {
      if (error instanceof NotAuthorizedError) void reply.status(error instanceof NotAuthenticatedError ? 401 : 403).send({ error: error.code, message: error.message });
      else if (error instanceof InvalidArgumentError) void reply.status(400).send({ error: error.code, message: error.message });
      else throw error;
    }
  }
}
