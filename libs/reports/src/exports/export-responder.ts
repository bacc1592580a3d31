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
import { NotFoundError } from './not-found.error';

const CONTENT_TYPE: Record<TableFormat | 'pdf', string> = {
  pdf: 'application/pdf',
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

/** What an export answers: its body in a format, the name a client saves it under, and any headers of its own. */
export interface ExportFile {
  readonly format: TableFormat | 'pdf';
  readonly filename: string;
  readonly body: string | Buffer | Readable;
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * The part every export shares: the token and merchant (as GraphQL scopes them), the auditors' trail, the format,
 * the attachment headers, and a refusal as 401/403/404/400 with one warn line.
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
    return this.inFormat(request, name, exportFormat, produce);
  }

  /** A report's table, rendered as csv, jsonl or a streamed xlsx worksheet named after the export. */
  respondTable(request: ExportRequest, name: string, produce: (merchantId: string) => Promise<ExportTable>): Promise<void> {
    return this.inFormat(request, name, tableFormat, async (merchantId, format) => renderTable(format, name, await produce(merchantId)));
  }

  /**
   * A file whose format, name and headers its route chooses (a statement, as issued). The route builds them from
   * checked values only: they go into headers.
   */
  async respondFile({ authorization, query, reply }: ExportRequest, name: string, produce: (merchantId: string) => Promise<ExportFile>): Promise<void> {
    try {
      const token = bearerToken(authorization);
      const grant = token ? this.credentials.grantFor(token) : undefined;
      const merchantId = merchantInScope({ grant }, singleParameter(query, 'merchantId'));
      if (grant?.role === 'auditor') {
        // Recorded as asked, before the other parameters are checked: a refused attempt is an access too.
        await this.trail.record({ subject: grant.subject, at: new Date().toISOString(), action: 'EXPORT', operation: name, detail: JSON.stringify({ ...query, merchantId }) });
      }
      const file = await produce(merchantId);
      void reply
        .status(200)
        .headers({ ...file.headers, 'Content-Type': CONTENT_TYPE[file.format], 'Content-Disposition': `attachment; filename="${file.filename}"` })
        .send(file.body);
    } catch (error) {
      if (!(error instanceof NotAuthorizedError || error instanceof NotFoundError || error instanceof InvalidArgumentError)) throw error;
      const status = error instanceof NotAuthenticatedError ? 401 : error instanceof NotAuthorizedError ? 403 : error instanceof NotFoundError ? 404 : 400;
      this.logger.warn(`${name} export refused: ${error.code} ${JSON.stringify(error.message)}`);
      void reply.status(status).send({ error: error.code, message: error.message });
    }
  }

  /** A file named after the export and its merchant, in the format the query asks for (merchantId is a well-formed id, format one of a few words). */
  private inFormat<F extends TableFormat>(
    request: ExportRequest,
    name: string,
    formatOf: (query: ExportQuery) => F,
    produce: (merchantId: string, format: F) => Promise<string | Readable>,
  ): Promise<void> {
    return this.respondFile(request, name, async (merchantId) => {
      const format = formatOf(request.query);
      return { format, filename: `${name}-${merchantId}.${format}`, body: await produce(merchantId, format) };
    });
  }
}
