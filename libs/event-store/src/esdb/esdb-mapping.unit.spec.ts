import { START, type BinaryRecordedEvent, type JSONRecordedEvent } from '@eventstore/db-client';
import { UNKNOWN_POSITION, fromEsdbPosition, toReadPosition } from './esdb-positions';
import { isSystemEvent, toRecordedEvent } from './esdb-recorded-event';

const esdbEvent = (overrides: Partial<JSONRecordedEvent> = {}): JSONRecordedEvent => ({
  streamId: 'terminal-1',
  id: '6f1c4d1e-8d1a-4a8e-9f39-2f3f7c1b9a10',
  isJson: true,
  revision: 4n,
  type: 'sale.approved',
  created: new Date('2026-11-23T14:05:06.789Z'),
  data: { amountMinor: '1250', nested: { ok: true } },
  metadata: { causationId: 'c-1' },
  position: { commit: 9001n, prepare: 9001n },
  ...overrides,
});

describe('EventStoreDB position mapping', () => {
  it('reads from the start for position 0 and from the record boundary just before any other position', () => {
    expect(toReadPosition(0n)).toBe(START);
    expect(toReadPosition(9002n)).toEqual({ commit: 9001n, prepare: 9001n });
  });

  it('takes the commit position, and marks positions the server does not know', () => {
    expect(fromEsdbPosition({ commit: 9001n, prepare: 9001n })).toBe(9001n);
    expect(fromEsdbPosition(undefined)).toBe(UNKNOWN_POSITION);
    expect(fromEsdbPosition({ commit: 0xffff_ffff_ffff_ffffn, prepare: 0xffff_ffff_ffff_ffffn })).toBe(UNKNOWN_POSITION);
  });
});

describe('EventStoreDB event mapping', () => {
  it('maps a JSON event to a RecordedEvent', () => {
    expect(toRecordedEvent(esdbEvent())).toEqual({
      id: '6f1c4d1e-8d1a-4a8e-9f39-2f3f7c1b9a10',
      streamId: 'terminal-1',
      revision: 4n,
      position: 9001n,
      type: 'sale.approved',
      data: { amountMinor: '1250', nested: { ok: true } },
      metadata: { causationId: 'c-1' },
      recordedAt: '2026-11-23T14:05:06.789Z',
    });
  });

  it('gives missing metadata as {} and wraps payloads that are not JSON objects instead of dropping the event', () => {
    expect(toRecordedEvent(esdbEvent({ metadata: undefined })).metadata).toEqual({});
    expect(toRecordedEvent(esdbEvent({ data: ['a'] })).data).toEqual({ value: ['a'] });
    const binary: BinaryRecordedEvent = { ...esdbEvent(), isJson: false, data: Uint8Array.from([1, 2, 3]) };
    expect(toRecordedEvent(binary).data).toEqual({ base64: 'AQID' });
  });

  it('recognises system events by type or stream', () => {
    expect(isSystemEvent(esdbEvent())).toBe(false);
    expect(isSystemEvent(esdbEvent({ type: '$metadata' }))).toBe(true);
    expect(isSystemEvent(esdbEvent({ streamId: '$stats-127.0.0.1:2113' }))).toBe(true);
  });
});
