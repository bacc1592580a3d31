// A bill's import as the store fills with other merchants: the oldest merchant's WeChat Pay bill imported over a real
// LMDB store holding its terminals' ledgers and then those of 4 or 19 other merchants (two terminals each, simulator
// histories decided by the domain's ledger decider); beside it in the same run, a scan of the store from that
// merchant's registration on, keeping its ledger events: what the import read before it read its terminals' streams.
import { join } from 'node:path';
import { wechatPayBillText } from '@posledger/domain';
import { createLmdbEventStore, scanAll } from '@posledger/event-store';
import { openRegistry } from '@posledger/registry';
import { importBill } from '@posledger/reports';
import { ledgerEventOf } from '@posledger/views';
import { appendLedgers, ledgerAppends } from './support/ledger-history';
import { registerFleet } from './support/registered-fleet';
import { percentile } from './support/stats';
import { runBench, withTempDir } from './support/temp-dir';
import { benchTerminals, terminalHistories } from './support/terminal-traffic';

const MERCHANT_COUNTS = [5, 20];
const TERMINALS_PER_MERCHANT = 2;
const TERMINAL_EVENTS_PER_TERMINAL = 2_500;
const ROUNDS = 5;

/** Each round's bill differs (its fee), so that each is imported, not found already imported. */
const bill = (round: number): Buffer =>
  Buffer.from(wechatPayBillText([{ kind: 'SALE', reference: `42000${String(round).padStart(17, '0')}`, merchantReference: '', refundReference: '', localTime: '2026-11-23 10:00:00', amount: { currency: 'CNY', minor: '12000' }, fee: { currency: 'CNY', minor: String(round) } }]));

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

const spread = (samples: readonly number[]): string => `median ${percentile(samples, 50).toFixed(1)} ms (${samples.map((ms) => ms.toFixed(1)).join(', ')})`;

async function main(): Promise<void> {
  for (const merchants of MERCHANT_COUNTS) {
    await withTempDir('posledger-bench-bill-read-', async (dir) => {
      const store = await createLmdbEventStore({ path: join(dir, 'events') });
      const terminals = benchTerminals(merchants * TERMINALS_PER_MERCHANT, TERMINALS_PER_MERCHANT, 'CNY');
      const importer = terminals[0].merchantId;
      await registerFleet(store, terminals, 'Asia/Shanghai');
      const histories = terminalHistories(terminals, TERMINAL_EVENTS_PER_TERMINAL, 11);
      await appendLedgers(store, terminals.map((terminal) => ledgerAppends(terminal, histories.get(terminal.terminalId) ?? [], 100)), terminals);
      const registry = await openRegistry(store);
      try {
        const stored = await store.headPosition();
        const registered = (await registry.view.merchant(importer))?.registered.position ?? 0n;
        const imports: number[] = [];
        const scans: number[] = [];
        let kept = 0;
        for (let round = 0; round < ROUNDS; round++) {
          imports.push(await timed(() => importBill({ eventStore: store, registry: registry.view }, { merchantId: importer, source: 'wechat-pay', bytes: bill(round), fileName: `wx-${round}.csv`, importedBy: 'bench' })));
          kept = 0;
          scans.push(await timed(() => scanAll(store, registered, (recorded) => {
            if (ledgerEventOf(recorded)?.data.merchantId === importer) kept++;
          })));
        }
        console.log(`${stored.toLocaleString('en-US')} events of ${merchants} merchants: ${importer}'s bill imported, ${spread(imports)}`);
        console.log(`   the store scanned from ${importer}'s registration for its ${kept.toLocaleString('en-US')} ledger events, as the import read before: ${spread(scans)}`);
      } finally {
        await registry.close();
        await store.close();
      }
    });
  }
}

runBench(main);
