/** An ISO-8601 instant (any offset) as ClickHouse's DateTime64(3, 'UTC') text: `2026-11-23 06:30:00.000`. */
export function toClickHouseDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new RangeError(`not an ISO-8601 instant: ${iso}`);
  return date.toISOString().replace('T', ' ').replace('Z', '');
}

/** ClickHouse's DateTime64(3, 'UTC') text back to ISO-8601 with Z. */
export function fromClickHouseDateTime(text: string): string {
  return `${text.replace(' ', 'T')}Z`;
}
