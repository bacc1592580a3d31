import { isRegistryEvent, merchantRegistrationOf, offlineLimitOf, operatorsOf, payoutScheduleOf, type PayoutSchedule, preAuthorizationPolicyOf, refundFeePolicyOf, type PreAuthorizationPolicy, type RefundFeePolicy, registryDecider, supervisorLimitOf, terminalProvisioningOf, terminalsOfMerchant, REGISTRY_STREAM, type FeeSchedule, type OperatorDirectory, type RegistryState } from '@posledger/domain';
import type { EventStore } from '@posledger/event-store';

export interface MerchantProfile {
  readonly merchantId: string;
  readonly name: string;
  readonly timeZone: string;
  readonly currency: string;
  readonly feeSchedule: FeeSchedule;
  /** Where its registration is in the store: none of its events comes before it. */
  readonly registered: MerchantRegistration;
}

export interface MerchantRegistration {
  readonly position: bigint;
  readonly recordedAt: string;
}

/**
 * The registry folded from its stream. Another process (the CLI) may provision while the platform runs, so a
 * lookup that misses reads the stream's new events before answering.
 */
export class RegistryView {
  private state: RegistryState = registryDecider.initialState();
  private nextRevision = 0n;
  private readonly registrations = new Map<string, MerchantRegistration>();
  private refreshing?: Promise<void>;

  constructor(private readonly store: EventStore) {}

  get revision(): bigint | 'no_stream' {
    return this.nextRevision === 0n ? 'no_stream' : this.nextRevision - 1n;
  }

  get current(): RegistryState {
    return this.state;
  }

  refresh(): Promise<void> {
    this.refreshing ??= this.readNewEvents().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  async isProvisioned(terminalId: string): Promise<boolean> {
    return (await this.merchantOf(terminalId)) !== undefined;
  }

  async merchantOf(terminalId: string): Promise<string | undefined> {
    const known = terminalProvisioningOf(this.state, terminalId);
    if (known) return known.merchantId;
    await this.refresh();
    return terminalProvisioningOf(this.state, terminalId)?.merchantId;
  }

  async merchant(merchantId: string): Promise<MerchantProfile | undefined> {
    if (!merchantRegistrationOf(this.state, merchantId)) await this.refresh();
    return this.profile(merchantId);
  }

  /** The merchant's operators as last read (refresh first to see another process's changes). */
  operatorsOf(merchantId: string): OperatorDirectory {
    return operatorsOf(this.state, merchantId);
  }

  /** Voids and refunds above this amount (minor units) need a supervisor; undefined: no limit. */
  supervisorLimitOf(merchantId: string): string | undefined {
    return supervisorLimitOf(this.state, merchantId);
  }

  offlineLimitOf(merchantId: string): string | undefined {
    return offlineLimitOf(this.state, merchantId);
  }

  preAuthorizationPolicyOf(merchantId: string): PreAuthorizationPolicy | undefined {
    return preAuthorizationPolicyOf(this.state, merchantId);
  }

  payoutScheduleOf(merchantId: string): PayoutSchedule {
    return payoutScheduleOf(this.state, merchantId);
  }

  /** The ids of the merchant's terminals as last read (refresh first to see another process's provisioning). */
  terminalsOf(merchantId: string): string[] {
    return terminalsOfMerchant(this.state, merchantId);
  }

  /** Every merchant as last read, with its profile, in the order they registered. */
  merchants(): MerchantProfile[] {
    return [...this.registrations.keys()].flatMap((merchantId) => this.profile(merchantId) ?? []);
  }

  refundFeePolicyOf(merchantId: string): RefundFeePolicy | undefined {
    return refundFeePolicyOf(this.state, merchantId);
  }

  private profile(merchantId: string): MerchantProfile | undefined {
    const merchant = merchantRegistrationOf(this.state, merchantId);
    const registered = this.registrations.get(merchantId);
    return merchant && registered && { ...merchant, merchantId, registered };
  }

  private async readNewEvents(): Promise<void> {
    const events = await this.store.readStream(REGISTRY_STREAM, this.nextRevision);
    for (const recorded of events) {
      this.nextRevision = recorded.revision + 1n;
      const event = { type: recorded.type, data: recorded.data };
      if (!isRegistryEvent(event)) continue;
      this.state = registryDecider.evolve(this.state, event);
      // EventStoreDB may not tell a stream's event its position (-1n): then the merchant's events are read from 0.
      if (event.type === 'MerchantRegistered') this.registrations.set(event.data.merchantId, { position: recorded.position < 0n ? 0n : recorded.position, recordedAt: recorded.recordedAt });
    }
  }
}
