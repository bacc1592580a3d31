import { Controller, Get, Headers, Inject, Query, Res } from '@nestjs/common';
import type { ReadStore } from '@posledger/read-store';
import { queryPayouts, querySalesSummary, querySettlementBatches, queryTransactions, type ExportRow, type SalesGrouping } from '@posledger/views';
import type { FastifyReply } from 'fastify';
import { InvalidArgumentError } from '../graphql/invalid-argument.error';
import { VALUE_DATE_FORM, valueDatePeriod } from '../payouts/value-date-period';
import { READ_STORE } from '../reports.tokens';
import { MerchantTimeZones } from '../merchants/merchant-time-zones';
import { readTransactionFilter } from '../transactions/transaction-filter';
import { choiceParameter, periodParameters, requiredParameter, singleParameter, type ExportQuery } from './export-parameters';
import { ExportResponder } from './export-responder';

const GROUPINGS: readonly SalesGrouping[] = ['DAY', 'HOUR', 'PAYMENT_METHOD', 'TERMINAL', 'CARD_SCHEME'];
/** At most this many sales in one export: a larger one is refused, to be narrowed. */
const MAX_EXPORTED_SALES = 100_000;

/**
 * The dashboard's views as files, with GraphQL's arguments and figures (amounts in integer minor units):
 * GET /v1/exports/sales?from=&to=&groupBy=&splitBy=, /v1/exports/transactions?from=&to=&status=&method=&terminalId=&minAmount=&maxAmount=&refunded=,
 * /v1/exports/settlement-batches?from=&to=, /v1/exports/payouts?from=&to= (value dates alone) (each with merchantId= for auditors
 * and format=csv|jsonl|xlsx).
 */
@Controller('v1/exports')
export class ReportExportsHttpController {
  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    private readonly zones: MerchantTimeZones,
    private readonly exports: ExportResponder,
  ) {}

  @Get('sales')
  sales(@Headers('authorization') authorization: string | undefined, @Query() query: ExportQuery, @Res() reply: FastifyReply): Promise<void> {
    return this.exports.respondTable({ authorization, query, reply }, 'sales', async (merchantId) => {
      const timeZone = await this.zones.of(merchantId);
      const groupBy = choiceParameter(query, 'groupBy', GROUPINGS) ?? 'DAY';
      const splitBy = choiceParameter(query, 'splitBy', GROUPINGS);
      if (splitBy === groupBy) throw new InvalidArgumentError(`splitBy must differ from groupBy, got ${splitBy} for both`);
      const buckets = await querySalesSummary(this.store, { merchantId, ...periodParameters(query, timeZone), groupBy, ...(splitBy ? { splitBy } : {}), timeZone });
      const keys = [groupBy, ...(splitBy ? [splitBy] : [])].map((grouping) => grouping.toLowerCase());
      const columns = [...keys, 'currency', 'count', 'gross_minor', 'tips_minor', 'refunds_minor', 'voids_minor', 'fees_minor', 'offline_declined_minor', 'disputes_minor', 'net_minor'];
      const rows = buckets.map((b): ExportRow => ({
        [keys[0]]: b.key,
        ...(splitBy ? { [keys[1]]: b.splitKey ?? '' } : {}),
        currency: b.gross.currency,
        count: b.count,
        gross_minor: b.gross.minor,
        tips_minor: b.tips.minor,
        refunds_minor: b.refunds.minor,
        voids_minor: b.voids.minor,
        fees_minor: b.fees.minor,
        offline_declined_minor: b.offlineDeclined.minor,
        disputes_minor: b.disputes.minor,
        net_minor: b.net.minor,
      }));
      return { columns, rows };
    });
  }

  @Get('transactions')
  transactions(@Headers('authorization') authorization: string | undefined, @Query() query: ExportQuery, @Res() reply: FastifyReply): Promise<void> {
    return this.exports.respondTable({ authorization, query, reply }, 'transactions', async (merchantId) => {
      const [status, method, terminalId, operatorId, from, to, minAmount, maxAmount] = ['status', 'method', 'terminalId', 'operatorId', 'from', 'to', 'minAmount', 'maxAmount'].map((name) => singleParameter(query, name));
      const refunded = choiceParameter(query, 'refunded', ['true', 'false']);
      const filter = { status, method, terminalId, operatorId, from, to, minAmount, maxAmount, ...(refunded ? { refunded: refunded === 'true' } : {}) };
      const read = readTransactionFilter(filter, await this.zones.of(merchantId), '');
      const page = await queryTransactions(this.store, merchantId, read, MAX_EXPORTED_SALES, undefined);
      if (page.hasNextPage) throw new InvalidArgumentError(`more than ${MAX_EXPORTED_SALES} sales match: narrow the period or the filters`);
      const columns = ['occurred_at', 'terminal_id', 'transaction_id', 'operator_id', 'status', 'method', 'scheme', 'masked_pan', 'currency', 'amount_minor', 'tip_minor', 'refunded_minor', 'offline'];
      const rows = page.transactions.map(({ transaction: t }): ExportRow => ({
        occurred_at: t.occurredAt,
        terminal_id: t.terminalId,
        transaction_id: t.id,
        operator_id: t.operatorId ?? '',
        status: t.status,
        method: t.method,
        scheme: t.scheme,
        masked_pan: t.maskedPan ?? '',
        currency: t.amount.currency,
        amount_minor: t.amount.minor,
        tip_minor: t.tip.minor,
        refunded_minor: t.refunded.minor,
        offline: t.offline ? 'true' : 'false',
      }));
      return { columns, rows };
    });
  }

  @Get('settlement-batches')
  settlementBatches(@Headers('authorization') authorization: string | undefined, @Query() query: ExportQuery, @Res() reply: FastifyReply): Promise<void> {
    return this.exports.respondTable({ authorization, query, reply }, 'settlement-batches', async (merchantId) => {
      const { from, to } = periodParameters(query, await this.zones.of(merchantId));
      const batches = await querySettlementBatches(this.store, merchantId, from, to);
      const columns = ['closed_at', 'terminal_id', 'batch_number', 'status', 'method', 'currency', 'terminal_count', 'terminal_minor', 'ledger_count', 'ledger_minor', 'count_difference', 'difference_minor'];
      const rows = batches.flatMap((batch) => {
        const batchColumns = { closed_at: batch.closedAt, terminal_id: batch.terminalId, batch_number: batch.batchNumber, status: batch.status };
        const lines = [...new Set([...batch.terminalTotals, ...batch.ledgerTotals].map((t) => `${t.method} ${t.amount.currency}`))];
        // A batch with no totals (closed over nothing) is still a row: its status may be MISMATCH.
        if (lines.length === 0) return [{ ...batchColumns, method: '', currency: '', terminal_count: 0, terminal_minor: '0', ledger_count: 0, ledger_minor: '0', count_difference: 0, difference_minor: '0' }];
        return lines.map((line): ExportRow => {
          const [method, currency] = line.split(' ');
          const terminal = batch.terminalTotals.find((t) => t.method === method && t.amount.currency === currency);
          const ledger = batch.ledgerTotals.find((t) => t.method === method && t.amount.currency === currency);
          const difference = batch.differences.find((d) => d.method === method && d.amountDifference.currency === currency);
          return {
            ...batchColumns,
            method,
            currency,
            terminal_count: terminal?.count ?? 0,
            terminal_minor: terminal?.amount.minor ?? '0',
            ledger_count: ledger?.count ?? 0,
            ledger_minor: ledger?.amount.minor ?? '0',
            count_difference: difference?.countDifference ?? 0,
            difference_minor: difference?.amountDifference.minor ?? '0',
          };
        });
      });
      return { columns, rows };
    });
  }

  /** A row per payout line, with its payout's columns, so that an accountant can tick each; funds brought forward are a line too. */
  @Get('payouts')
  payouts(@Headers('authorization') authorization: string | undefined, @Query() query: ExportQuery, @Res() reply: FastifyReply): Promise<void> {
    return this.exports.respondTable({ authorization, query, reply }, 'payouts', async (merchantId) => {
      const [from, to] = ['from', 'to'].map((name) => requiredParameter(query, name, VALUE_DATE_FORM));
      const payouts = await queryPayouts(this.store, { merchantId, ...valueDatePeriod(from, to) });
      const columns = [
        'value_date', 'payout_id', 'status', 'currency', 'amount_minor', 'settled_minor', 'fees_minor', 'cutoff_at', 'bank_reference', 'paid_at', 'failed_at', 'failure_reason',
        'line_position', 'terminal_id', 'line_event_type', 'line_reference', 'line_settled_minor', 'line_fees_minor',
      ];
      const rows = payouts.flatMap((payout) => {
        const payoutColumns = {
          value_date: payout.valueDate,
          payout_id: payout.id,
          status: payout.status,
          currency: payout.currency,
          amount_minor: payout.amount.minor,
          settled_minor: payout.settled.minor,
          fees_minor: payout.fees.minor,
          cutoff_at: payout.cutoffAt,
          bank_reference: payout.bankReference ?? '',
          paid_at: payout.paidAt ?? '',
          failed_at: payout.failedAt ?? '',
          failure_reason: payout.failureReason ?? '',
        };
        const broughtForward = payout.broughtForward ? [{ position: '', terminalId: '', eventType: 'BROUGHT_FORWARD', reference: '', ...payout.broughtForward }] : [];
        return [...payout.lines, ...broughtForward].map((line): ExportRow => ({
          ...payoutColumns,
          line_position: line.position,
          terminal_id: line.terminalId,
          line_event_type: line.eventType,
          line_reference: line.reference,
          line_settled_minor: line.settled.minor,
          line_fees_minor: line.fees.minor,
        }));
      });
      return { columns, rows };
    });
  }
}
