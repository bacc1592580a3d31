import { InvalidArgumentError } from './invalid-argument.error';

/** At most this many items per page of a connection (`first`). */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 50;

/** The `first` argument of a connection: 1 to MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE when not given. */
export function firstArgument(first: number | null | undefined): number {
  if (first === undefined || first === null) return DEFAULT_PAGE_SIZE;
  if (first < 1 || first > MAX_PAGE_SIZE) throw new InvalidArgumentError(`first must be between 1 and ${MAX_PAGE_SIZE}, got ${first}`);
  return first;
}
