import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PlatformConfig } from '@posledger/platform-config';
import { issueStatement, printJson, verifyStatement } from '@posledger/platform';
import { UsageError } from '../cli/cli-error';
import { required, withStores, type CliOptions } from '../cli/cli-options';

/** Exit code when the file is not a statement the ledger issued (1 stays "the command failed"). */
const NOT_ISSUED = 3;

/** `statement issue|verify`: the merchant's daily statement (日结单) issued with its SHA-256 recorded, or a file checked against those. */
export async function statementCommand(config: PlatformConfig, action: string, options: CliOptions, file: string | undefined): Promise<void> {
  const command = `statement ${action}`;
  const merchantId = required(command, options, 'merchant');
  if (action === 'verify' && !file) throw new UsageError(`${command}: name the statement file`);
  await withStores(config, async (stores) => {
    switch (action) {
      case 'issue': {
        const { pdf, ...issued } = await issueStatement(stores, merchantId, required(command, options, 'date'));
        if (typeof options.out !== 'string') return printJson(issued);
        mkdirSync(options.out, { recursive: true });
        const name = join(options.out, `statement-${merchantId}-${issued.date}-v${issued.version}`);
        writeFileSync(`${name}.csv`, issued.csv);
        writeFileSync(`${name}.pdf`, Buffer.from(pdf, 'base64'));
        return printJson({ ...issued, files: [`${name}.csv`, `${name}.pdf`] });
      }
      case 'verify': {
        const issued = await verifyStatement(stores, merchantId, readFileSync(file as string));
        if (issued) return printJson({ verified: true, ...issued });
        printJson({ verified: false, message: `no statement issued to ${merchantId} has these bytes` });
        process.exitCode = NOT_ISSUED;
        return;
      }
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  });
}
