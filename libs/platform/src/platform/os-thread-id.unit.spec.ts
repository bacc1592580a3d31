import { osThreadId } from './os-thread-id';

// A worker thread's id is checked where the platform's own threads report theirs (e2e/platform-start.e2e.spec.ts).
describe('osThreadId', () => {
  it("is the process id on the process's main thread", () => {
    expect(osThreadId()).toBe(process.pid);
  });
});
