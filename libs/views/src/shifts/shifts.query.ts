import { fromClickHouseDateTime, type ReadStore } from '@posledger/read-store';
import { moneyJson, type MoneyJson } from '@posledger/domain';
import { methodTotalsFromJson as totals, type MethodTotal } from '../method-totals';

export interface Shift {
  readonly shiftId: string;
  readonly terminalId: string;
  readonly operatorId: string;
  readonly status: 'OPEN' | 'CLOSED';
  readonly openedAt: string;
  readonly closedAt: string | null;
  readonly openingCash: MoneyJson;
  /** Null while the shift is open. */
  readonly expectedCash: MoneyJson | null;
  readonly countedCash: MoneyJson | null;
  readonly overShort: MoneyJson | null;
  readonly sales: MethodTotal[];
  readonly voids: MethodTotal[];
  readonly refunds: MethodTotal[];
  readonly tips: MethodTotal[];
}

interface ShiftRowRead {
  shift_id: string;
  terminal_id: string;
  operator_id: string;
  shift_status: string;
  opened: string;
  closed: string;
  cur: string;
  opening: string;
  expected: string;
  counted: string;
  over: string;
  sales_json: string;
  voids_json: string;
  refunds_json: string;
  tips_json: string;
}


/** The merchant's shifts opened in [from, to), newest first; a closed one with its report. */
export async function queryShifts(store: ReadStore, merchantId: string, from: string, to: string): Promise<Shift[]> {
  const rows = await store.select<ShiftRowRead>(
    `SELECT shift_id, terminal_id, argMax(operator_id, position) AS operator_id, toString(argMax(status, position)) AS shift_status,
        argMax(opened_at, position) AS opened, argMax(closed_at, position) AS closed, toString(argMax(currency, position)) AS cur,
        toString(argMax(opening_cash, position)) AS opening, toString(argMax(expected_cash, position)) AS expected,
        toString(argMax(counted_cash, position)) AS counted, toString(argMax(over_short, position)) AS over,
        argMax(sales, position) AS sales_json, argMax(voids, position) AS voids_json, argMax(refunds, position) AS refunds_json, argMax(tips, position) AS tips_json
     FROM shifts
     WHERE merchant_id = {merchantId:String}
     GROUP BY shift_id, terminal_id
     HAVING opened >= {from:DateTime64(3, 'UTC')} AND opened < {to:DateTime64(3, 'UTC')}
     ORDER BY opened DESC, terminal_id, shift_id`,
    { merchantId, from, to },
  );
  return rows.map((row) => {
    const closed = row.shift_status === 'CLOSED';
    const money = (minor: string) => moneyJson(minor, row.cur);
    return {
      shiftId: row.shift_id,
      terminalId: row.terminal_id,
      operatorId: row.operator_id,
      status: closed ? 'CLOSED' : 'OPEN',
      openedAt: fromClickHouseDateTime(row.opened),
      closedAt: closed ? fromClickHouseDateTime(row.closed) : null,
      openingCash: money(row.opening),
      expectedCash: closed ? money(row.expected) : null,
      countedCash: closed ? money(row.counted) : null,
      overShort: closed ? money(row.over) : null,
      sales: totals(row.sales_json),
      voids: totals(row.voids_json),
      refunds: totals(row.refunds_json),
      tips: totals(row.tips_json),
    };
  });
}
