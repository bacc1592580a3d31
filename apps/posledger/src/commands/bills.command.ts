import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { userInfo } from 'node:os';
import type { PlatformConfig } from '@posledger/platform-config';
import { printJson } from '@posledger/platform';
import { importBill, resolveDiscrepancy } from '@posledger/reports';
import { UsageError } from '../cli/cli-error';
import { required, withStores, type CliOptions } from '../cli/cli-options';

/** Who runs the CLI, as recorded beside what they did when --by does not say. */
const operatingUser = (options: CliOptions): string => (typeof options.by === 'string' && options.by !== '' ? options.by : `cli:${userInfo().username}`);

/** `bills import FILE`: an outside bill matched against the ledger, its hash, lines and discrepancies recorded. */
export async function billsImportCommand(config: PlatformConfig, options: CliOptions, file: string | undefined): Promise<void> {
  const merchantId = required('bills import', options, 'merchant');
  const source = required('bills import', options, 'source');
  if (!file) throw new UsageError('bills import: name the bill file');
  const bytes = readFileSync(file);
  await withStores(config, async (stores) => {
    printJson(await importBill({ eventStore: stores.eventStore, registry: stores.registry.view }, {
      merchantId, source, bytes, fileName: basename(file), importedBy: operatingUser(options), ...(typeof options.date === 'string' ? { date: options.date } : {}),
    }));
  });
}

/** `reconciliation decide`: a person's decision on a discrepancy, with who and when. */
export async function reconciliationDecideCommand(config: PlatformConfig, options: CliOptions): Promise<void> {
  const command = 'reconciliation decide';
  const merchantId = required(command, options, 'merchant');
  const discrepancyId = required(command, options, 'id');
  const decision = required(command, options, 'decision').toUpperCase().replace(/-/g, '_');
  const note = typeof options.note === 'string' ? options.note : '';
  await withStores(config, async (stores) => {
    printJson(await resolveDiscrepancy({ eventStore: stores.eventStore, registry: stores.registry.view }, { merchantId, discrepancyId, decision, note, decidedBy: operatingUser(options) }));
  });
}
