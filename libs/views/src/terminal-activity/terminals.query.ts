import { fromClickHouseDateTime, type ReadStore } from '@posledger/read-store';
import type { ReconciliationStatus } from '@posledger/domain';

export interface TerminalStatus {
  readonly terminalId: string;
  readonly provisionedAt: string | null;
  /** When the platform last recorded anything the terminal sent (an event or a heartbeat); null: never. */
  readonly lastSeenAt: string | null;
  /** Seen within the offline threshold of `now`. */
  readonly online: boolean;
  readonly appVersion: string | null;
  readonly network: string | null;
  readonly signal: number | null;
  readonly paperLow: boolean | null;
  readonly lastHeartbeatAt: string | null;
  /** The operator signed in now; null for nobody. */
  readonly operatorId: string | null;
  /** Approved sales not voided since the last batch close, and when the first of them happened. */
  readonly openBatch: { readonly sales: number; readonly since: string | null };
  readonly lastSettlement: { readonly batchNumber: number; readonly closedAt: string; readonly status: ReconciliationStatus } | null;
}

interface ActivityRow {
  terminal_id: string;
  provisioned: string;
  seen: string;
  heartbeat: string;
  app_version: string;
  network: string;
  signal: number;
  paper_low: number;
  has_provisioned: number;
  has_seen: number;
  has_heartbeat: number;
  operator: string;
}

interface BatchRow {
  terminal_id: string;
  last_close: string;
  batch_number: number;
  closed_at: string;
  batch_status: string;
  open_sales: string;
  open_since: string;
  has_close: number;
  has_open: number;
}

/**
 * Every terminal of the merchant, provisioned or seen: when it was last seen, what it runs on, its open batch and
 * last settlement. `now` and `offlineAfterMs` decide who is online.
 */
export async function queryTerminals(store: ReadStore, merchantId: string, now: Date, offlineAfterMs: number): Promise<TerminalStatus[]> {
  const activity = await store.select<ActivityRow>(
    `SELECT terminal_id,
        maxIf(recorded_at, kind = 'PROVISIONED') AS provisioned, countIf(kind = 'PROVISIONED') > 0 AS has_provisioned,
        maxIf(recorded_at, kind = 'EVENT') AS seen, countIf(kind = 'EVENT') > 0 AS has_seen,
        maxIf(recorded_at, kind = 'HEARTBEAT') AS heartbeat, countIf(kind = 'HEARTBEAT') > 0 AS has_heartbeat,
        argMaxIf(app_version, position, kind = 'HEARTBEAT') AS app_version, toString(argMaxIf(network, position, kind = 'HEARTBEAT')) AS network,
        argMaxIf(signal, position, kind = 'HEARTBEAT') AS signal, argMaxIf(paper_low, position, kind = 'HEARTBEAT') AS paper_low,
        argMaxIf(operator_id, position, kind = 'OPERATOR') AS operator
     FROM terminal_activity WHERE merchant_id = {merchantId:String}
     GROUP BY terminal_id ORDER BY terminal_id`,
    { merchantId },
  );
  const batches = await store.select<BatchRow>(
    `WITH closes AS (
        SELECT terminal_id, max(position) AS last_close, argMax(batch_number, position) AS batch_number,
          argMax(closed_at, position) AS closed_at, toString(argMax(status, position)) AS batch_status
        FROM settlement_batches WHERE merchant_id = {merchantId:String} GROUP BY terminal_id
      ), open AS (
        SELECT f.terminal_id AS terminal_id, toString(sum(f.sale_count)) AS open_sales, minIf(f.occurred_at, f.kind = 'SALE') AS open_since
        FROM sales_facts AS f LEFT JOIN closes AS c ON c.terminal_id = f.terminal_id
        WHERE f.merchant_id = {merchantId:String} AND f.kind IN ('SALE', 'VOID', 'OFFLINE_DECLINED') AND f.method != 'CASH' AND (c.terminal_id = '' OR f.position > c.last_close)
        GROUP BY f.terminal_id
      )
     SELECT if(c.terminal_id != '', c.terminal_id, o.terminal_id) AS terminal_id, toString(c.last_close) AS last_close, c.batch_number AS batch_number, c.closed_at AS closed_at,
        c.batch_status AS batch_status, o.open_sales AS open_sales, o.open_since AS open_since,
        c.terminal_id != '' AS has_close, o.terminal_id != '' AS has_open
     FROM closes AS c FULL OUTER JOIN open AS o ON o.terminal_id = c.terminal_id`,
    { merchantId },
  );
  const byTerminal = new Map(batches.map((row) => [row.terminal_id, row]));
  return activity.map((row) => {
    const batch = byTerminal.get(row.terminal_id);
    const lastSeenAt = row.has_seen ? fromClickHouseDateTime(row.seen) : null;
    const openSales = batch?.has_open ? Number(batch.open_sales) : 0;
    return {
      terminalId: row.terminal_id,
      provisionedAt: row.has_provisioned ? fromClickHouseDateTime(row.provisioned) : null,
      lastSeenAt,
      online: lastSeenAt !== null && now.getTime() - Date.parse(lastSeenAt) <= offlineAfterMs,
      appVersion: row.has_heartbeat ? row.app_version : null,
      network: row.has_heartbeat ? row.network : null,
      signal: row.has_heartbeat && row.signal >= 0 ? row.signal : null,
      paperLow: row.has_heartbeat && row.paper_low >= 0 ? row.paper_low === 1 : null,
      lastHeartbeatAt: row.has_heartbeat ? fromClickHouseDateTime(row.heartbeat) : null,
      operatorId: row.operator || null,
      openBatch: { sales: openSales, since: openSales > 0 && batch ? fromClickHouseDateTime(batch.open_since) : null },
      lastSettlement: batch?.has_close
        ? { batchNumber: batch.batch_number, closedAt: fromClickHouseDateTime(batch.closed_at), status: batch.batch_status === 'MATCHED' ? 'MATCHED' : 'MISMATCH' }
        : null,
    };
  });
}
