import type { ExportFormat } from '@posledger/views';
import { InvalidArgumentError } from '../graphql/invalid-argument.error';
import { quotedValue } from '../graphql/quoted-value';
import { periodArguments, TIME_ARGUMENT_FORMS } from '../graphql/time-argument';
import type { TableFormat } from './export-table';

export type ExportQuery = Record<string, string | string[] | undefined>;

const FORMATS: readonly ExportFormat[] = ['csv', 'jsonl'];
const TABLE_FORMATS: readonly TableFormat[] = ['csv', 'jsonl', 'xlsx'];

/** A query-string parameter given at most once: a repeated one is refused rather than guessed at. */
export function singleParameter(query: ExportQuery, name: string): string | undefined {
  const value = query[name];
  if (Array.isArray(value)) throw new InvalidArgumentError(`${name} must be given once, got it ${value.length} times`);
  return value;
}

function formatIn<F extends string>(query: ExportQuery, formats: readonly F[]): F {
  const format = singleParameter(query, 'format') ?? 'csv';
  const known = formats.find((f) => f === format);
  if (!known) throw new InvalidArgumentError(`format must be ${formats.slice(0, -1).join(', ')} or ${formats[formats.length - 1]}, got ${quotedValue(format)}`);
  return known;
}

/** csv (the default) or jsonl. */
export const exportFormat = (query: ExportQuery): ExportFormat => formatIn(query, FORMATS);

/** csv (the default), jsonl or xlsx. */
export const tableFormat = (query: ExportQuery): TableFormat => formatIn(query, TABLE_FORMATS);

/** One of a parameter's allowed words, or undefined when not given. */
export function choiceParameter<T extends string>(query: ExportQuery, name: string, choices: readonly T[]): T | undefined {
  const value = singleParameter(query, name);
  if (value === undefined) return undefined;
  const known = choices.find((choice) => choice === value);
  if (!known) throw new InvalidArgumentError(`${name} must be one of ${choices.join(', ')}; got ${quotedValue(value)}`);
  return known;
}

/** A parameter that must be given, once; `form` says how to write it when it is missing. */
export function requiredParameter(query: ExportQuery, name: string, form: string): string {
  const value = singleParameter(query, name);
  if (value === undefined) throw new InvalidArgumentError(`${name} is required: ${form}`);
  return value;
}

/** The required from and to, as the read store's DateTime64 text, read as GraphQL reads them. */
export function periodParameters(query: ExportQuery, timeZone: string): { from: string; to: string } {
  const [from, to] = ['from', 'to'].map((name) => requiredParameter(query, name, TIME_ARGUMENT_FORMS));
  return periodArguments(from, to, timeZone);
}
