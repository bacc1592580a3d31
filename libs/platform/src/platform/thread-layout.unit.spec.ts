import { threadLayout } from './thread-layout';

describe('the worker threads of posledger start', () => {
  it('starts every ledger, then the daily jobs once, then ingest', () => {
    expect(threadLayout(['ingest', 'ledger', 'ledger', 'reports'])).toEqual(['ledger', 'ledger', 'daily-jobs', 'ingest']);
    expect(threadLayout(['ledger', 'ingest'])).toEqual(['ledger', 'daily-jobs', 'ingest']);
  });

  it('runs no daily jobs where no ledger runs', () => {
    expect(threadLayout(['ingest', 'reports'])).toEqual(['ingest']);
  });
});
