import type { RecordedEvent } from '@posledger/event-store';

export function merchantRows(recorded: RecordedEvent): Record<string, unknown>[] {
  if (recorded.type !== 'MerchantRegistered') return [];
  const d = recorded.data as { merchantId: string; name: string; timeZone: string; currency: string };
  return [{ merchant_id: d.merchantId, name: d.name, time_zone: d.timeZone, currency: d.currency, position: recorded.position.toString() }];
}
