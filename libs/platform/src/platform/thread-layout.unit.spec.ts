import { threadLayout } from './thread-layout';

describe('the worker threads of posledger start', () => {
  it('starts every ledger before ingest, and runs the daily jobs with the first ledger only', () => {
    expect(threadLayout(['ingest', 'ledger', 'ledger', 'reports'])).toEqual([
      { app: 'ledger', dailyJobs: true },
      { app: 'ledger', dailyJobs: false },
      { app: 'ingest', dailyJobs: false },
    ]);
  });

  it('runs no daily jobs where no ledger runs', () => {
    expect(threadLayout(['ingest', 'reports'])).toEqual([{ app: 'ingest', dailyJobs: false }]);
  });
});
