import { fromClickHouseDateTime, toClickHouseDateTime } from './clickhouse-datetime';

describe('toClickHouseDateTime', () => {
  it('keeps the fields of a canonical UTC instant', () => {
    expect(toClickHouseDateTime('2026-11-23T06:30:00.123Z')).toBe('2026-11-23 06:30:00.123');
  });

  it('converts an offset to UTC', () => {
    expect(toClickHouseDateTime('2026-11-23T14:30:00.123+08:00')).toBe('2026-11-23 06:30:00.123');
    expect(toClickHouseDateTime('2026-01-01T01:00:00.000+02:00')).toBe('2025-12-31 23:00:00.000');
    expect(toClickHouseDateTime('2026-11-23T06:30:00.000-05:30')).toBe('2026-11-23 12:00:00.000');
  });

  it('gives milliseconds to other precisions', () => {
    expect(toClickHouseDateTime('2026-11-23T06:30:00Z')).toBe('2026-11-23 06:30:00.000');
    expect(toClickHouseDateTime('2026-11-23T06:30:00.123456Z')).toBe('2026-11-23 06:30:00.123');
    expect(toClickHouseDateTime('2026-11-23')).toBe('2026-11-23 00:00:00.000');
  });

  it('treats the ends of months as Date does', () => {
    expect(toClickHouseDateTime('2026-01-31T23:59:59.999Z')).toBe('2026-01-31 23:59:59.999');
    expect(toClickHouseDateTime('2028-02-29T12:00:00.000Z')).toBe('2028-02-29 12:00:00.000');
    expect(toClickHouseDateTime('2026-02-30T00:00:00.000Z')).toBe('2026-03-02 00:00:00.000');
  });

  it('refuses text that is not an instant', () => {
    expect(() => toClickHouseDateTime('yesterday')).toThrow(RangeError);
    expect(() => toClickHouseDateTime('2026-13-01T00:00:00.000Z')).toThrow(RangeError);
  });
});

describe('fromClickHouseDateTime', () => {
  it('is the inverse on canonical instants', () => {
    expect(fromClickHouseDateTime(toClickHouseDateTime('2026-11-23T06:30:00.123Z'))).toBe('2026-11-23T06:30:00.123Z');
  });
});
