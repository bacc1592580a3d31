import { decodeEnvelope, encodeEnvelope } from './terminal-event-envelope';

const event = {
  eventId: '7d9f8a3e-2c1b-4e5f-9a8b-1c2d3e4f5a6b',
  terminalId: 't-1',
  sequence: 1,
  occurredAt: '2026-11-23T10:00:00+08:00',
  type: 'operator.signed_in',
  payload: { operatorId: 'op-7' },
};

describe('transport envelope', () => {
  it('round-trips what ingest established', () => {
    const envelope = { event, panMasked: false, receivedAt: '2026-11-23T02:00:00.000Z' };
    const decoded = decodeEnvelope(encodeEnvelope(envelope as never));
    expect(decoded).toEqual({ ok: true, envelope });
  });

  it('reads an envelope written before the merchant left it, ignoring its merchantId', () => {
    const envelope = { event, panMasked: true, receivedAt: '2026-11-23T02:00:00.000Z' };
    expect(decodeEnvelope(JSON.stringify({ ...envelope, merchantId: 'm-from-an-older-ingest' }))).toEqual({ ok: true, envelope });
  });

  it.each([
    ['not JSON', '{', 'message is not JSON'],
    ['no panMasked', JSON.stringify({ event, receivedAt: '2026-11-23T02:00:00Z' }), 'envelope.panMasked is missing'],
    ['an event failing the schema', JSON.stringify({ event: { ...event, type: 'cash.drawer_opened' }, panMasked: false, receivedAt: '2026-11-23T02:00:00Z' }), 'envelope.event fails the schema'],
  ])('refuses %s with a reason (a poison message)', (_name, value, reason) => {
    const decoded = decodeEnvelope(value);
    expect(decoded.ok).toBe(false);
    expect(!decoded.ok && decoded.reason).toContain(reason);
  });
});
