import { replay, TerminalScript, tx } from '@posledger/domain/testing';
import { rowsOf } from '../testing/counter-day';
import { shiftRows } from './shifts.projection';

describe('shifts view', () => {
  it('given a shift opened and closed, then an OPEN row and the CLOSED report that replaces it', () => {
    const t = new TerminalScript('t-1');
    const events = replay([t.signedIn('op-1'), t.shiftOpened('op-1', '20000'), ...t.qrSaleRequested(tx(1), 'ALIPAY', '1500'), t.approved(tx(1)), t.shiftClosed('20100')]).events;

    const rows = rowsOf(events, shiftRows);
    expect(rows.map(({ status, operator_id, opening_cash, expected_cash, counted_cash, over_short, sales }) => ({ status, operator_id, opening_cash, expected_cash, counted_cash, over_short, sales }))).toEqual([
      { status: 'OPEN', operator_id: 'op-1', opening_cash: '20000', expected_cash: '20000', counted_cash: '0', over_short: '0', sales: '[]' },
      { status: 'CLOSED', operator_id: 'op-1', opening_cash: '20000', expected_cash: '20000', counted_cash: '20100', over_short: '100', sales: '[{"method":"ALIPAY","currency":"CNY","count":1,"minor":"1500"}]' },
    ]);
    expect(new Set(rows.map((row) => row.shift_id)).size).toBe(1);
    expect(Number(rows[1].position)).toBeGreaterThan(Number(rows[0].position));
  });
});
