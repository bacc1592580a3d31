// A canonical UTC instant whose fields are valid in every month (days up to 28): its text is already ClickHouse's
// but for the separators. Other days, offsets and precisions go through Date, which also rolls over e.g. 02-30.
const CANONICAL_UTC = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;

/** An ISO-8601 instant (any offset) as ClickHouse's DateTime64(3, 'UTC') text: `2026-11-23 06:30:00.000`. */
export function toClickHouseDateTime(iso: string): string {
  if (CANONICAL_UTC.test(iso)) return `${iso.slice(0, 10)} ${iso.slice(11, 23)}`;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new RangeError(`not an ISO-8601 instant: ${iso}`);
  return date.toISOString().replace('T', ' ').replace('Z', '');
}

/** ClickHouse's DateTime64(3, 'UTC') text back to ISO-8601 with Z. */
export function fromClickHouseDateTime(text: string): string {
  return `${text.replace(' ', 'T')}Z`;
}
