export * from './decider-specification';
export * from './terminal-script';
export * from './ledger-event-filters';
export * from './wallet-day';
export * from './settled-sales';
