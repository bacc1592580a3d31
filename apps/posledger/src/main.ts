import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { loadPlatformConfig } from '@posledger/platform-config';
import { UsageError } from './cli/cli-error';

const USAGE = `posledger <command> [options]   (--data DIR or POSLEDGER_DATA, default ./.posledger)
  start [--demo] [--apps ingest,ledger,reports]             the apps (all by default; ingest and each ledger on a thread of its own); embedded unless
                                                           engines are configured; with Kafka, ledger may be named again for ledgers in one consumer group
  simulate --terminals N --duration SECONDS [--merchant ID] [--rate EVENTS_PER_S] [--seed N]
  merchant add --id ID --name NAME --timezone TZ --currency CUR [--fees DEBIT=50,CREDIT=180,WECHAT_PAY=60,ALIPAY=60]
  merchant offline-limit --merchant ID --up-to MINOR|none   its terminals may approve a card sale offline up to MINOR units
  merchant preauth --merchant ID --tolerance-percent P --expiry-days D
                                                            completions up to P% above the hold; holds expire after D days (default 0%, 7)
  merchant refund-fees --merchant ID --policy kept|returned a refund returns its share of the sale's fee, or the acquirer keeps it (default)
  merchant payouts --merchant ID --delay-days D --cutoff HH:MM
                                                            settled funds cut off daily at HH:MM (its time), paid D days later (default 1, 00:00)
  terminal add --merchant ID --id TID                       prints {"terminalId","secret"}; the secret is shown once
  operator add --merchant ID --id OID --name NAME --role cashier|supervisor
                                                            once a merchant has operators, only its active ones sign in
  operator list --merchant ID                               prints the merchant's operators
  operator disable --merchant ID --id OID                   the operator's next sign-in is refused (OPERATOR_DISABLED)
  operator limit --merchant ID --above MINOR|none           voids and refunds above MINOR units need a supervisorId
  dispute open --terminal TID --id DID --transaction SALE --amount MINOR --reason TEXT [--currency CUR]
                                                            a chargeback on a settled sale: the amount is held from the merchant's funds
  dispute evidence --terminal TID --id DID --evidence TEXT the merchant's evidence for the acquirer, once, while the dispute is open
  dispute won|lost --terminal TID --id DID [--fee MINOR]    the acquirer's decision: won gives it back; lost returns it to the cardholder, with its fee
  payout run --merchant ID                                  a payout run now, off the schedule: prints the payouts it scheduled
  payout confirm --merchant ID --id PID --bank-reference REF
                                                            the bank paid it into the merchant's account
  payout fail --merchant ID --id PID --reason TEXT          the bank returned it: its funds go with the next payout
  statement issue --merchant ID --date YYYY-MM-DD [--out DIR]
                                                            the day's statement (日结单), CSV and PDF (written to DIR), their SHA-256 recorded;
                                                            issued again: unchanged, or a new version
  statement verify --merchant ID FILE                       whether the ledger issued exactly FILE (exit 3 when it did not)
  bills import --merchant ID --source wechat-pay|alipay|acquirer [--date YYYY-MM-DD] [--by NAME] FILE
                                                            an outside bill (GBK or UTF-8) matched against the ledger: its hash, lines and
                                                            discrepancies recorded; the same file again changes nothing
  reconciliation decide --merchant ID --id DSC-… --decision accept-bill|write-off|investigate [--by NAME] [--note TEXT]
                                                            a decision on a discrepancy, recorded with who and when
  token --merchant ID | --auditor                           prints {"token"} for the reports API
  replay [--force]                                          rebuilds every view from the event store, compares, switches when equal
                                                            (exit 4 when a view differs; --force switches anyway)
  verify                                                    checks every stream's hash chain and the anchors; prints the report
                                                            (exit 3 naming the first altered, removed or inserted event)`;

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      data: { type: 'string' }, demo: { type: 'boolean' }, terminals: { type: 'string' }, duration: { type: 'string' },
      merchant: { type: 'string' }, rate: { type: 'string' }, seed: { type: 'string' }, id: { type: 'string' },
      name: { type: 'string' }, timezone: { type: 'string' }, currency: { type: 'string' }, fees: { type: 'string' },
      auditor: { type: 'boolean' }, apps: { type: 'string' }, 'ingest-url': { type: 'string' }, help: { type: 'boolean' },
      force: { type: 'boolean' }, role: { type: 'string' }, above: { type: 'string' }, 'up-to': { type: 'string' },
      'tolerance-percent': { type: 'string' }, 'expiry-days': { type: 'string' }, policy: { type: 'string' },
      terminal: { type: 'string' }, transaction: { type: 'string' }, amount: { type: 'string' }, reason: { type: 'string' }, fee: { type: 'string' },
      'delay-days': { type: 'string' }, cutoff: { type: 'string' }, 'bank-reference': { type: 'string' }, date: { type: 'string' }, out: { type: 'string' }, evidence: { type: 'string' },
      source: { type: 'string' }, by: { type: 'string' }, decision: { type: 'string' }, note: { type: 'string' },
    },
  });
  const config = loadPlatformConfig(process.env, values.data);
  // Each command's modules are loaded when it runs: `terminal add` need not compile the reports app.
  // The commands with a positional operand: statement verify FILE, bills import FILE.
  if (positionals[0] === 'statement' && positionals[1] === 'verify' && positionals.length <= 3) return (await import('./commands/statement.command')).statementCommand(config, 'verify', values, positionals[2]);
  if (positionals[0] === 'bills' && positionals[1] === 'import' && positionals.length <= 3) return (await import('./commands/bills.command')).billsImportCommand(config, values, positionals[2]);
  const command = positionals.join(' ');
  switch (command) {
    case 'start':
      return (await import('./commands/start.command')).startCommand(config, values);
    case 'simulate':
      return (await import('./commands/simulate.command')).simulateCommand(config, values);
    case 'merchant add':
      return (await import('./commands/merchant.command')).merchantAddCommand(config, values);
    case 'merchant offline-limit':
      return (await import('./commands/merchant.command')).merchantOfflineLimitCommand(config, values);
    case 'merchant preauth':
      return (await import('./commands/merchant.command')).merchantPreAuthorizationCommand(config, values);
    case 'merchant refund-fees':
      return (await import('./commands/merchant.command')).merchantRefundFeesCommand(config, values);
    case 'merchant payouts':
      return (await import('./commands/merchant.command')).merchantPayoutsCommand(config, values);
    case 'terminal add':
      return (await import('./commands/terminal-add.command')).terminalAddCommand(config, values);
    case 'operator add':
    case 'operator list':
    case 'operator disable':
    case 'operator limit':
      return (await import('./commands/operator.command')).operatorCommand(config, positionals[1], values);
    case 'dispute open':
    case 'dispute evidence':
    case 'dispute won':
    case 'dispute lost':
      return (await import('./commands/dispute.command')).disputeCommand(config, positionals[1], values);
    case 'payout run':
    case 'payout confirm':
    case 'payout fail':
      return (await import('./commands/payout.command')).payoutCommand(config, positionals[1], values);
    case 'statement issue':
      return (await import('./commands/statement.command')).statementCommand(config, 'issue', values, undefined);
    case 'reconciliation decide':
      return (await import('./commands/bills.command')).reconciliationDecideCommand(config, values);
    case 'token':
      if (values.auditor === true) return (await import('./commands/auditor-token.command')).auditorTokenCommand(config, values);
      return (await import('./commands/token.command')).tokenCommand(config, values);
    case 'replay':
      return (await import('./commands/replay.command')).replayCommand(config, values);
    case 'verify':
      return (await import('./commands/verify.command')).verifyCommand(config);
    default:
      throw new UsageError(values.help ? '' : `unknown command "${command}"`);
  }
}

main(process.argv.slice(2)).catch((error: Error & { code?: string }) => {
  if (error instanceof UsageError) process.stderr.write(`${error.message ? `${error.message}\n\n` : ''}${USAGE}\n`);
  else process.stderr.write(`${JSON.stringify({ error: error.code ?? 'ERROR', message: error.message })}\n`);
  process.exit(error instanceof UsageError && !error.message ? 0 : 1);
});
