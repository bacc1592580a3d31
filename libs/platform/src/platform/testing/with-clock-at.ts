/** Runs `body` with the process clock (Date alone, timers untouched) at `when`: the event store records its own time. */
export async function withClockAt<T>(when: string, body: () => Promise<T>): Promise<T> {
  jest.useFakeTimers({
    doNotFake: ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'],
    now: new Date(when),
  });
  try {
    return await body();
  } finally {
    jest.useRealTimers();
  }
}
