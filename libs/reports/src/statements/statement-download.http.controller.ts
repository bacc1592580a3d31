import { Controller, Get, Headers, Inject, Query, Res } from '@nestjs/common';
import type { ReadStore } from '@posledger/read-store';
import { queryStatementFiles } from '@posledger/views';
import type { FastifyReply } from 'fastify';
import { requiredParameter, singleParameter, type ExportQuery } from '../exports/export-parameters';
import { ExportResponder } from '../exports/export-responder';
import { NotFoundError } from '../exports/not-found.error';
import { InvalidArgumentError } from '../graphql/invalid-argument.error';
import { quotedValue } from '../graphql/quoted-value';
import { READ_STORE } from '../reports.tokens';
import { STATEMENT_DATE_FORM, statementDate } from './statement-date';

/** 1, 2, ...: at most nine digits, well within the view's UInt32. */
const VERSION = /^[1-9]\d{0,8}$/;

function versionParameter(query: ExportQuery): number | undefined {
  const value = singleParameter(query, 'version');
  if (value === undefined) return undefined;
  if (!VERSION.test(value)) throw new InvalidArgumentError(`version must be a statement's version, a whole number from 1; got ${quotedValue(value)}`);
  return Number(value);
}

function fileFormat(query: ExportQuery): 'csv' | 'pdf' {
  const value = singleParameter(query, 'format') ?? 'csv';
  if (value !== 'csv' && value !== 'pdf') throw new InvalidArgumentError(`format must be csv or pdf; got ${quotedValue(value)}`);
  return value;
}

/**
 * GET /v1/exports/statement?date=&version=&format=csv|pdf (merchantId= for auditors): a daily statement's CSV or PDF
 * byte for byte as issued, so that it hashes to the SHA-256 recorded (sent as x-statement-sha256); the day's latest
 * version unless one is named.
 */
@Controller('v1/exports')
export class StatementDownloadHttpController {
  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    private readonly exports: ExportResponder,
  ) {}

  @Get('statement')
  statement(@Headers('authorization') authorization: string | undefined, @Query() query: ExportQuery, @Res() reply: FastifyReply): Promise<void> {
    return this.exports.respondFile({ authorization, query, reply }, 'statement', async (merchantId) => {
      const date = statementDate('date', requiredParameter(query, 'date', STATEMENT_DATE_FORM));
      const version = versionParameter(query);
      const format = fileFormat(query);
      const statement = await queryStatementFiles(this.store, { merchantId, date, version });
      if (!statement) throw new NotFoundError(`no statement was issued for merchant ${merchantId} on ${date}${version === undefined ? '' : ` in version ${version}`}`);
      return {
        format,
        filename: `statement-${merchantId}-${date}-v${statement.version}.${format}`,
        body: format === 'csv' ? statement.csv : statement.pdf,
        headers: { 'x-statement-sha256': format === 'csv' ? statement.sha256 : statement.pdfSha256, 'x-statement-version': String(statement.version) },
      };
    });
  }
}
