import { Inject } from '@nestjs/common';
import { Context, Query, Resolver } from '@nestjs/graphql';
import type { ReadStore } from '@posledger/read-store';
import { merchantInScope, type ReportsContext } from '../auth/grant-context';
import { MerchantIdArgument } from '../auth/merchant-id.argument';
import { READ_STORE } from '../reports.tokens';
import { TerminalSequence } from './terminal-sequence.types';
import { queryTerminalSequences } from '@posledger/views';

@Resolver(() => TerminalSequence)
export class TerminalSequencesResolver {
  constructor(@Inject(READ_STORE) private readonly store: ReadStore) {}

  @Query(() => [TerminalSequence], { description: 'Terminals with events held behind a sequence gap now, or gaps skipped before.' })
  terminalSequences(@Context() context: ReportsContext, @MerchantIdArgument() merchantId?: string): Promise<TerminalSequence[]> {
    return queryTerminalSequences(this.store, merchantInScope(context, merchantId));
  }
}
