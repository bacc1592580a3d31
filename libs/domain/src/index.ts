// The public API of libs/domain. Test helpers live in ./testing (not exported here).

export * from './values/domain-error';
export * from './values/currency';
export * from './values/money';
export * from './values/basis-points';
export * from './values/pan';
export * from './values/ids';
export * from './values/instant';
export * from './values/calendar-date';
export * from './values/bounds';
export * from './values/unknown-currency.error';
export * from './values/invalid-amount.error';
export * from './values/currency-mismatch.error';
export * from './values/invalid-basis-points.error';
export * from './values/invalid-id.error';

export * from './terminal-events/terminal-event';
export * from './terminal-events/event-error';
export * from './terminal-events/terminal-event.schema';
export * from './terminal-events/example-payloads';
export * from './terminal-events/parse-terminal-event-batch';
export * from './terminal-events/scrub-card-data';
export * from './terminal-events/terminal-event-envelope';
export { compileTerminalEventValidators } from './terminal-events/terminal-event-validator';

export * from './ledger/ledger-events';
export * from './ledger/terminal-stream';
export * from './ledger/rejection-code';
export * from './ledger/fee-schedule';
export * from './ledger/sequence-policy';
export * from './ledger/pre-authorization-policy';
export * from './ledger/refund-fee-policy';
export * from './ledger/dispute-refused.error';
export * from './ledger/invalid-fee-schedule.error';
export * from './ledger/terminal-ledger.decider';
export * from './ledger/wrong-terminal.error';
export * from './ledger/postings';
export * from './ledger/balance';
export * from './ledger/unbalanced-postings.error';
export type { SaleState, SaleStatus, RefundState, ParkedEvent } from './ledger/terminal-ledger.state';
export { emptyKeyed, setKeyed, type KeyedRecord } from './ledger/keyed-record';

export * from './settlement/totals';
export * from './settlement/reconcile';

export * from './registry/registry.decider';
export * from './registry/merchant-exists.error';
export * from './registry/unknown-merchant.error';
export * from './registry/terminal-exists.error';
export * from './registry/invalid-time-zone.error';
export * from './registry/invalid-registry-id.error';
export * from './registry/invalid-currency.error';
export * from './registry/invalid-registration.error';
export * from './registry/operators';
export * from './registry/supervisor-limit';
export * from './registry/offline-limit';
export * from './registry/pre-authorization-policy-set';
export * from './registry/refund-fee-policy-set';
export * from './registry/payout-schedule-set';
export * from './registry/operator-exists.error';
export * from './registry/unknown-operator.error';

export * from './payouts/payout-events';
export * from './payouts/payout-postings';
export * from './payouts/payout-lines';
export * from './payouts/payouts.decider';
export * from './payouts/payout-refused.error';
export * from './payouts/payout-schedule';

export * from './statements/statement-events';
export * from './statements/daily-statement';
export * from './statements/statements.decider';
export * from './statements/statement-carry';

export * from './bills/bill';
export * from './bills/bill-events';
export * from './bills/bill-refused.error';
export * from './bills/ledger-trades';
export * from './bills/match-bill';
export * from './bills/bills.decider';
export * from './bills/parse-bill';
export * from './bills/bill-files';
export * from './bills/match-bank-confirmation';
export * from './bills/bank-confirmation';
