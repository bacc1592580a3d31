import { Body, Controller, Headers, HttpCode, Inject, Logger, Post, Query, Res } from '@nestjs/common';
import type { Grant } from '@posledger/credentials';
import { BillRefusedError, type BillsState } from '@posledger/domain';
import type { EventStore, StreamFolds } from '@posledger/event-store';
import type { RegistryView } from '@posledger/registry';
import type { FastifyReply } from 'fastify';
import { bearerToken } from '../auth/bearer-token';
import { NotAuthenticatedError, NotAuthorizedError } from '../auth/grant-context';
import { singleParameter, type ExportQuery } from '../exports/export-parameters';
import { InvalidArgumentError } from '../graphql/invalid-argument.error';
import { BILL_FOLDS, CREDENTIALS, EVENT_STORE, MERCHANT_REGISTRY } from '../reports.tokens';
import { importBill, resolveDiscrepancy, type BillStores } from './bill-imports';

/** A person's name or e-mail as recorded beside what they did: printable, at most 100 characters. */
const PERSON = /^[^\p{Cc}]{1,100}$/u;

function person(name: string, value: unknown): string {
  if (typeof value !== 'string' || !PERSON.test(value) || value.trim() === '') throw new InvalidArgumentError(`${name} must name who did it (1 to 100 printable characters)`);
  return value.trim();
}

/**
 * The merchant's back office writes: POST /v1/bills (an outside bill's bytes as the body, `source=` wechat-pay,
 * alipay, acquirer or bank, `date=` when the file names no day; `importedBy=` the person, else "merchant API token") and POST /v1/reconciliation/decisions. A merchant token
 * only: auditors read, they do not import. A malformed file is 422 with its line, and nothing is recorded.
 */
@Controller('v1')
export class BillsHttpController {
  private readonly logger = new Logger('ReportsBills');
  private readonly stores: BillStores;

  constructor(
    @Inject(CREDENTIALS) private readonly credentials: { grantFor(token: string): Grant | undefined },
    @Inject(EVENT_STORE) eventStore: EventStore,
    @Inject(MERCHANT_REGISTRY) registry: RegistryView,
    @Inject(BILL_FOLDS) bills: StreamFolds<BillsState>,
  ) {
    this.stores = { eventStore, registry, bills };
  }

  @Post('bills')
  @HttpCode(200)
  upload(@Headers('authorization') authorization: string | undefined, @Query() query: ExportQuery, @Body() body: unknown, @Res() reply: FastifyReply): Promise<void> {
    return this.answer(reply, 'bill import', async () => {
      const merchantId = this.merchantOf(authorization);
      if (!Buffer.isBuffer(body) || body.length === 0) throw new InvalidArgumentError('send the bill file itself as the body, as text/csv or application/octet-stream');
      const source = singleParameter(query, 'source');
      if (source === undefined) throw new InvalidArgumentError('source is required: wechat-pay, alipay or acquirer');
      const date = singleParameter(query, 'date');
      const result = await importBill(this.stores, {
        merchantId, source, bytes: body, fileName: (singleParameter(query, 'fileName') ?? `${source}.csv`).slice(0, 200), importedBy: person('importedBy', singleParameter(query, 'importedBy') ?? 'merchant API token'),
        ...(date !== undefined ? { date } : {}),
      });
      return { status: result.imported ? 201 : 200, body: result };
    });
  }

  @Post('reconciliation/decisions')
  decide(@Headers('authorization') authorization: string | undefined, @Body() body: unknown, @Res() reply: FastifyReply): Promise<void> {
    return this.answer(reply, 'discrepancy decision', async () => {
      const merchantId = this.merchantOf(authorization);
      const { discrepancyId, decision, note, decidedBy } = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
      if (typeof discrepancyId !== 'string' || typeof decision !== 'string') throw new InvalidArgumentError('send JSON { discrepancyId, decision, decidedBy, note }');
      if (note !== undefined && (typeof note !== 'string' || note.length > 1_000)) throw new InvalidArgumentError('note must be text of at most 1000 characters');
      const resolved = await resolveDiscrepancy(this.stores, { merchantId, discrepancyId, decision, note: note ?? '', decidedBy: person('decidedBy', decidedBy) });
      return { status: 201, body: resolved };
    });
  }

  private merchantOf(authorization: string | undefined): string {
    const token = bearerToken(authorization);
    const grant = token ? this.credentials.grantFor(token) : undefined;
    if (!grant) throw new NotAuthenticatedError('a valid Bearer token is required');
    if (grant.role !== 'merchant') throw new NotAuthorizedError("bills and decisions are the merchant's: use the merchant's token");
    return grant.merchantId;
  }

  private async answer(reply: FastifyReply, name: string, act: () => Promise<{ status: number; body: unknown }>): Promise<void> {
    try {
      const { status, body } = await act();
      void reply.status(status).send(body);
    } catch (error) {
      const status = error instanceof NotAuthenticatedError ? 401 : error instanceof NotAuthorizedError ? 403
        : error instanceof BillRefusedError ? (error.code === 'BILL.UNKNOWN_DISCREPANCY' ? 404 : error.code === 'BILL.DISCREPANCY_RESOLVED' ? 409 : 422)
        : error instanceof InvalidArgumentError ? 400 : undefined;
      if (status === undefined) throw error;
      const { code, message } = error as Error & { code: string };
      this.logger.warn(`${name} refused: ${code} ${JSON.stringify(message.slice(0, 200))}`);
      void reply.status(status).send({ error: code, message, ...(error instanceof BillRefusedError && error.lineNumber !== undefined ? { line: error.lineNumber } : {}) });
    }
  }
}
