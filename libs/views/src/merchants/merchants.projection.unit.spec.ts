import { DEFAULT_FEE_SCHEDULE, type RegistryEvent } from '@posledger/domain';
import { rowsOf } from '../testing/counter-day';
import { merchantRows } from './merchants.projection';

describe('merchants view', () => {
  const registry: RegistryEvent[] = [
    { type: 'MerchantRegistered', data: { merchantId: 'm-1', name: '一号店', timeZone: 'Asia/Shanghai', currency: 'CNY', feeSchedule: DEFAULT_FEE_SCHEDULE } },
    { type: 'TerminalProvisioned', data: { terminalId: 't-1', merchantId: 'm-1', secretFingerprint: 'f' } },
  ];

  it('given a registered merchant and a terminal, then one row: the merchant’s name, zone and currency', () => {
    expect(rowsOf(registry, merchantRows)).toEqual([{ merchant_id: 'm-1', name: '一号店', time_zone: 'Asia/Shanghai', currency: 'CNY', position: '0' }]);
  });
});
