import { NestFactory } from '@nestjs/core';
import { compileTerminalEventValidators } from '@posledger/domain';
import { TerminalEventsConsumer } from './consumer/terminal-events.consumer';
import { LedgerModule, type LedgerDependencies } from './ledger.module';
import { LedgerClock } from './terminal-ledger/ledger-clock';

export interface RunningLedger {
  stop(): Promise<void>;
}

/** Consumes terminal events and appends the ledger's decisions; stop() finishes in-flight batches first. */
export async function startLedger(deps: LedgerDependencies, groupId?: string): Promise<RunningLedger> {
  // The ledger checks each event it consumes against its schema again (decodeEnvelope).
  compileTerminalEventValidators();
  const context = await NestFactory.createApplicationContext(LedgerModule.register(deps), { logger: ['error', 'warn'] });
  await context.init();
  const consumer = context.get(TerminalEventsConsumer);
  await consumer.start(groupId);
  const sweeper = context.get(LedgerClock);
  sweeper.start(await deps.terminalsHoldingParkedEvents?.());
  return {
    async stop() {
      await sweeper.stop();
      await consumer.stop();
      await context.close();
    },
  };
}
