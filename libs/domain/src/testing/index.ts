export * from './decider-specification';
export * from './terminal-script';
