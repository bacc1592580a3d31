import type { RegistryEvent } from '@posledger/domain';
import type { Recorded } from '../view-row';

export type MerchantRow = { merchant_id: string; name: string; time_zone: string; currency: string; position: string };

/** The merchants as registered: their names, zones (days and hours of reports follow it) and currencies. */
export function merchantRows(event: RegistryEvent, recorded: Recorded): MerchantRow[] {
  if (event.type !== 'MerchantRegistered') return [];
  const d = event.data;
  return [{ merchant_id: d.merchantId, name: d.name, time_zone: d.timeZone, currency: d.currency, position: recorded.position.toString() }];
}
