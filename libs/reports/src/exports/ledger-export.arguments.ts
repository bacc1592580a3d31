import { instantArgument, InvalidArgumentError } from '../graphql/instant';
import { quotedValue } from '../graphql/quoted-value';
import type { ExportFormat } from '@posledger/views';

export type ExportQuery = Record<string, string | string[] | undefined>;

const FORMATS: readonly ExportFormat[] = ['csv', 'jsonl'];

/** A query-string parameter given at most once: a repeated one is refused rather than guessed at. */
export function singleParameter(query: ExportQuery, name: string): string | undefined {
  const value = query[name];
  if (Array.isArray(value)) throw new InvalidArgumentError(`${name} must be given once, got it ${value.length} times`);
  return value;
}

/** csv (the default) or jsonl. */
export function exportFormat(query: ExportQuery): ExportFormat {
  const format = singleParameter(query, 'format') ?? 'csv';
  const known = FORMATS.find((f) => f === format);
  if (!known) throw new InvalidArgumentError(`format must be csv or jsonl, got ${quotedValue(format)}`);
  return known;
}

/** A required instant (from, to), as the read store's DateTime64 text. */
export function instantParameter(query: ExportQuery, name: string): string {
  const value = singleParameter(query, name);
  if (value === undefined) throw new InvalidArgumentError(`${name} is required: an ISO-8601 instant`);
  return instantArgument(name, value);
}
