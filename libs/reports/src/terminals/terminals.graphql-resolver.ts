import { Inject } from '@nestjs/common';
import { Context, Query, Resolver } from '@nestjs/graphql';
import type { ReadStore } from '@posledger/read-store';
import { queryTerminals } from '@posledger/views';
import { merchantInScope, type ReportsContext } from '../auth/grant-context';
import { MerchantIdArgument } from '../auth/merchant-id.argument';
import { READ_STORE, TERMINAL_OFFLINE_AFTER_MS } from '../reports.tokens';
import { TerminalStatus } from './terminal-status.types';

@Resolver(() => TerminalStatus)
export class TerminalsResolver {
  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    @Inject(TERMINAL_OFFLINE_AFTER_MS) private readonly offlineAfterMs: number,
  ) {}

  @Query(() => [TerminalStatus], { description: "The merchant's terminals, provisioned or seen: online or not, software, network, open batch, last settlement." })
  terminals(@Context() context: ReportsContext, @MerchantIdArgument() merchantId?: string): Promise<TerminalStatus[]> {
    return queryTerminals(this.store, merchantInScope(context, merchantId), new Date(), this.offlineAfterMs);
  }
}
