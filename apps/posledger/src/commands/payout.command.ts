import type { PlatformConfig } from '@posledger/platform-config';
import { confirmPayout, failPayout, printJson, runPayoutsNow } from '@posledger/platform';
import { UsageError } from '../cli/cli-error';
import { required, withStores, type CliOptions } from '../cli/cli-options';

/** `payout run|confirm|fail`: a payout run now, the bank's confirmation of a payout, or its return. */
export async function payoutCommand(config: PlatformConfig, action: string, options: CliOptions): Promise<void> {
  const command = `payout ${action}`;
  const merchantId = required(command, options, 'merchant');
  await withStores(config, async (stores) => {
    switch (action) {
      case 'run':
        return printJson({ merchantId, payouts: await runPayoutsNow(stores, merchantId) });
      case 'confirm': {
        const payoutId = required(command, options, 'id');
        const bankReference = required(command, options, 'bank-reference');
        await confirmPayout(stores, merchantId, payoutId, bankReference);
        return printJson({ merchantId, payoutId, status: 'PAID', bankReference });
      }
      case 'fail': {
        const payoutId = required(command, options, 'id');
        const reason = required(command, options, 'reason');
        await failPayout(stores, merchantId, payoutId, reason);
        return printJson({ merchantId, payoutId, status: 'FAILED', reason });
      }
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  });
}
