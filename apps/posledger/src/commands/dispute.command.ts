import type { PlatformConfig } from '@posledger/platform-config';
import { openDispute, printJson, resolveDispute, submitDisputeEvidence, type ProvisioningStores } from '@posledger/platform';
import { UsageError } from '../cli/cli-error';
import { required, withStores, type CliOptions } from '../cli/cli-options';

/** The currency of a dispute on the terminal's sales: --currency, or its merchant's. */
async function currencyOf(stores: ProvisioningStores, terminalId: string, options: CliOptions): Promise<string> {
  if (typeof options.currency === 'string' && options.currency !== '') return options.currency;
  const merchantId = await stores.registry.view.merchantOf(terminalId);
  const merchant = merchantId === undefined ? undefined : await stores.registry.view.merchant(merchantId);
  if (!merchant) throw new UsageError(`no terminal ${terminalId}`);
  return merchant.currency;
}

/** `dispute open|evidence|won|lost`: a chargeback on a settled sale, held from the merchant's funds until the acquirer decides. */
export async function disputeCommand(config: PlatformConfig, action: string, options: CliOptions): Promise<void> {
  const command = `dispute ${action}`;
  const terminalId = required(command, options, 'terminal');
  const disputeId = required(command, options, 'id');
  await withStores(config, async (stores) => {
    const currency = await currencyOf(stores, terminalId, options);
    switch (action) {
      case 'open': {
        const dispute = { disputeId, transactionId: required(command, options, 'transaction'), amount: { currency, minor: required(command, options, 'amount') }, reason: required(command, options, 'reason') };
        await openDispute(stores, terminalId, dispute);
        return printJson({ terminalId, ...dispute, status: 'OPEN' });
      }
      case 'evidence': {
        const evidence = required(command, options, 'evidence');
        await submitDisputeEvidence(stores, terminalId, { disputeId, evidence });
        return printJson({ terminalId, disputeId, evidence: 'SUBMITTED' });
      }
      case 'won':
      case 'lost': {
        const outcome = action === 'won' ? 'WON' : 'LOST';
        const fee = typeof options.fee === 'string' ? { currency, minor: options.fee } : undefined;
        await resolveDispute(stores, terminalId, { disputeId, outcome, ...(fee ? { fee } : {}) });
        return printJson({ terminalId, disputeId, status: outcome, ...(fee ? { fee } : {}) });
      }
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  });
}
