import { toClickHouseDateTime } from '@posledger/read-store';
import { quotedValue } from './quoted-value';

export class InvalidArgumentError extends Error {
  readonly code = 'REPORTS.INVALID_ARGUMENT';
}

/** A GraphQL instant argument (ISO-8601) as ClickHouse DateTime64 text, or a clear error naming the argument. */
export function instantArgument(name: string, value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(value) || Number.isNaN(new Date(value).getTime())) {
    throw new InvalidArgumentError(`${name} must be an ISO-8601 instant, got ${quotedValue(value)}`);
  }
  return toClickHouseDateTime(value);
}
