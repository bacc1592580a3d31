/** Field names of the contract are short; longer keys are computed each time rather than kept. */
const MEMO_KEY_LENGTH = 64;

/**
 * `fn` remembered for up to `max` distinct arguments of up to 64 characters; others are computed each time. For
 * checks on field names, which repeat from event to event, while a hostile body's many or long names cannot grow
 * the memory by more than `max` short strings.
 */
export function boundedMemo<T>(fn: (key: string) => T, max: number): (key: string) => T {
  const memo = new Map<string, T>();
  return (key) => {
    if (memo.has(key)) return memo.get(key) as T;
    const value = fn(key);
    if (memo.size < max && key.length <= MEMO_KEY_LENGTH) memo.set(key, value);
    return value;
  };
}
