import { Inject, Injectable } from '@nestjs/common';
import type { RegistryView } from '@posledger/registry';
import { MERCHANT_REGISTRY } from '../reports.tokens';

/**
 * Merchants' IANA zones (the days and hours of their reports), from the registry this app keeps in memory. A zone is
 * fixed when the merchant registers, so no report waits on a read-store query for it, and a merchant whose
 * registration the views have not projected yet still gets its own days. UTC for a merchant not registered.
 */
@Injectable()
export class MerchantTimeZones {
  constructor(@Inject(MERCHANT_REGISTRY) private readonly registry: RegistryView) {}

  async of(merchantId: string): Promise<string> {
    return (await this.registry.merchant(merchantId))?.timeZone ?? 'UTC';
  }
}
