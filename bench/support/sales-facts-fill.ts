// Sales_facts rows generated inside the engine (never through JS), shaped like the projection's:
// 100 merchants of growing size (merchant k has 2k+1 shares: m-100 the largest, ~2% of all rows), 20 terminals
// each, 90 days of trading hours, one currency per merchant; per sale a SALE row and at settlement a FEE row,
// ~3% voids, ~1.5% refunds. Methods 42% DEBIT, 28% CREDIT, 15% WECHAT_PAY, 15% ALIPAY; card schemes for cards,
// NONE for QR. Amounts in integer minor units as the simulator draws them.
import type { ReadStore } from '@posledger/read-store';

export const FILL_START = '2026-08-01 00:00:00.000';
export const FILL_DAYS = 90;
export const LARGEST_MERCHANT = 'm-100';

// Each dimension draws from its own hash of the row number, so that they are independent.
const fillSql = (firstRow: number, rows: number): string => `
INSERT INTO sales_facts
SELECT
  concat('m-', leftPad(toString(merchant + 1), 3, '0')) AS merchant_id,
  concat('t-', leftPad(toString(merchant + 1), 3, '0'), '-', leftPad(toString(cityHash64(number, 2) % 20 + 1), 2, '0')) AS terminal_id,
  toString(generateUUIDv4(number)) AS transaction_id,
  multiIf(k < 475, 'SALE', k < 950, 'FEE', k < 985, 'VOID', 'REFUND') AS kind,
  multiIf(m < 42, 'DEBIT', m < 70, 'CREDIT', m < 85, 'WECHAT_PAY', 'ALIPAY') AS method,
  if(m < 70, ['VISA', 'MASTERCARD', 'UNIONPAY'][cityHash64(number, 4) % 3 + 1], 'NONE') AS scheme,
  ['EUR', 'GBP', 'CNY', 'USD'][merchant % 4 + 1] AS currency,
  toInt64(if(kind = 'FEE', intDiv(sale_amount * multiIf(m < 42, 50, m < 70, 180, 60), 10000), sale_amount)) AS amount,
  toInt8(multiIf(kind = 'SALE', 1, kind = 'VOID', -1, 0)) AS sale_count,
  addMilliseconds(toDateTime64('${FILL_START}', 3, 'UTC'), cityHash64(number, 5) % ${FILL_DAYS} * 86400000 + 25200000 + cityHash64(number, 6) % 54000000) AS occurred_at,
  addSeconds(occurred_at, 1 + cityHash64(number, 7) % 5) AS recorded_at,
  number AS position,
  toUInt32(0) AS entry
FROM (
  SELECT
    number,
    toUInt32(floor(sqrt((cityHash64(number, 1) % 1000000) / 100))) AS merchant,
    cityHash64(number, 3) % 1000 AS k,
    cityHash64(number, 8) % 100 AS m,
    cityHash64(number, 9) % 100 AS band,
    cityHash64(number, 10) AS draw,
    multiIf(band < 25, 100 + draw % 900, band < 65, 1000 + draw % 9000, band < 92, 10000 + draw % 90000, 100000 + draw % 400001) AS sale_amount
  FROM numbers(${firstRow}, ${rows})
)`;

/** Appends rows number firstRow .. firstRow + rows - 1 (each row's draws depend on its number alone). */
export async function fillSalesFacts(store: ReadStore, firstRow: number, rows: number): Promise<void> {
  await store.command(fillSql(firstRow, rows));
}
