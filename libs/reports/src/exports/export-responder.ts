import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Grant } from '@posledger/credentials';
import type { ExportFormat } from '@posledger/views';
import type { FastifyReply } from 'fastify';
import { AUDIT_TRAIL, type AuditTrail } from '../audit/audit-trail.port';
import { bearerToken } from '../auth/bearer-token';
import { merchantInScope, NotAuthenticatedError, NotAuthorizedError } from '../auth/grant-context';
import { InvalidArgumentError } from '../graphql/invalid-argument.error';
import { CREDENTIALS } from '../reports.tokens';
import type { Readable } from 'node:stream';
import { exportFormat, singleParameter, tableFormat, type ExportQuery } from './export-parameters';
import { renderTable, type ExportTable, type TableFormat } from './export-table';

const CONTENT_TYPE: Record<TableFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  jsonl: 'application/x-ndjson; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** What an export route received. */
export interface ExportRequest {
  readonly authorization: string | undefined;
  readonly query: ExportQuery;
  readonly reply: FastifyReply;
}

/**
 * The part every export shares: the token and merchant (as GraphQL scopes them), the auditors' trail, the format,
 * the attachment headers, and a refusal as 401/403/400 with one warn line.
 */
@Injectable()
export class ExportResponder {
  private readonly logger = new Logger('ReportsExport');

  constructor(
    @Inject(CREDENTIALS) private readonly credentials: { grantFor(token: string): Grant | undefined },
    @Inject(AUDIT_TRAIL) private readonly trail: AuditTrail,
  ) {}

  /** An export the read store renders itself (csv or jsonl). */
  respond(request: ExportRequest, name: string, produce: (merchantId: string, format: ExportFormat) => Promise<string>): Promise<void> {
    return this.serve(request, name, exportFormat, produce);
  }

  /** A report's table, rendered as csv, jsonl or a streamed xlsx worksheet named after the export. */
  respondTable(request: ExportRequest, name: string, produce: (merchantId: string) => Promise<ExportTable>): Promise<void> {
    return this.serve(request, name, tableFormat, async (merchantId, format) => renderTable(format, name, await produce(merchantId)));
  }

  private async serve<F extends TableFormat>(
    { authorization, query, reply }: ExportRequest,
    name: string,
    formatOf: (query: ExportQuery) => F,
    produce: (merchantId: string, format: F) => Promise<string | Readable>,
  ): Promise<void> {
    try {
      const token = bearerToken(authorization);
      const grant = token ? this.credentials.grantFor(token) : undefined;
      const merchantId = merchantInScope({ grant }, singleParameter(query, 'merchantId'));
      if (grant?.role === 'auditor') {
        // Recorded as asked, before the other parameters are checked: a refused attempt is an access too.
        await this.trail.record({ subject: grant.subject, at: new Date().toISOString(), action: 'EXPORT', operation: name, detail: JSON.stringify({ ...query, merchantId }) });
      }
      const format = formatOf(query);
      const body = await produce(merchantId, format);
      // Headers are built from checked values only: merchantId is a well-formed id, format one of a few words.
      void reply
        .status(200)
        .header('Content-Type', CONTENT_TYPE[format])
        .header('Content-Disposition', `attachment; filename="${name}-${merchantId}.${format}"`)
        .send(body);
    } catch (error) {
      if (!(error instanceof NotAuthorizedError || error instanceof InvalidArgumentError)) throw error;
      const status = error instanceof NotAuthenticatedError ? 401 : error instanceof NotAuthorizedError ? 403 : 400;
      this.logger.warn(`${name} export refused: ${error.code} ${JSON.stringify(error.message)}`);
      void reply.status(status).send({ error: error.code, message: error.message });
    }
  }
}
