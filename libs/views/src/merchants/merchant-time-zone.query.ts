import type { ReadStore } from '@posledger/read-store';

/** The merchant's IANA zone (days and hours of reports follow it); UTC for a merchant not yet projected. */
export async function merchantTimeZone(store: ReadStore, merchantId: string): Promise<string> {
  const rows = await store.select<{ zone: string }>(
    'SELECT argMax(time_zone, position) AS zone FROM merchants WHERE merchant_id = {merchantId:String} GROUP BY merchant_id',
    { merchantId },
  );
  return rows[0]?.zone ?? 'UTC';
}
