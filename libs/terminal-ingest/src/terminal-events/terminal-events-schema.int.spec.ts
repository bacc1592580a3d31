// The batch's JSON Schema served to integrators is the one ingest validates with: a standard validator given it
// accepts what ingest takes and refuses what ingest refuses.
import { randomUUID } from 'node:crypto';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { TERMINAL_EVENT_TYPES, type TerminalEventType } from '@posledger/domain';
import { startIngestUnderTest, type IngestUnderTest } from '../test-support/ingest-under-test';
import { validEvent } from '../test-support/valid-terminal-events';

const batchOf = (...events: Record<string, unknown>[]) => ({ events });
const eventOf = (type: TerminalEventType, sequence: number, change: (event: Record<string, unknown>) => void = () => undefined) => {
  const event = validEvent(type, { eventId: randomUUID(), transactionId: randomUUID() }, sequence, Date.now());
  change(event);
  return event;
};

describe('GET /v1/terminal-events/schema', () => {
  let ingest: IngestUnderTest;
  let validate: (body: unknown) => boolean;

  beforeAll(async () => {
    ingest = await startIngestUnderTest();
    const answer = await ingest.inject({ method: 'GET', url: '/v1/terminal-events/schema', headers: {} });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^application\/schema\+json/);
    // An integrator's validator: standard formats, our `masked-pan` left to ingest, our `x-error` messages ignored.
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    ajv.addFormat('masked-pan', true);
    const compiled = ajv.compile(JSON.parse(answer.text));
    validate = (body) => compiled(body);
  });

  afterAll(async () => {
    await ingest.close();
  });

  it.each(TERMINAL_EVENT_TYPES.map((type) => [type]))('accepts a %s that ingest takes', async (type) => {
    const body = JSON.stringify(batchOf(eventOf(type, 1)));
    expect(validate(JSON.parse(body))).toBe(true);
    expect((await ingest.postSigned(body)).status).toBe(202);
  });

  it.each([
    ['an amount with a leading zero', (e: Record<string, unknown>) => Object.assign(e, { type: 'amount.entered', payload: { amountMinor: '0100', currency: 'CNY' } })],
    ['an amount of 13 digits', (e: Record<string, unknown>) => Object.assign(e, { type: 'amount.entered', payload: { amountMinor: '1000000000000', currency: 'CNY' } })],
    ['an unknown currency', (e: Record<string, unknown>) => Object.assign(e, { type: 'amount.entered', payload: { amountMinor: '100', currency: 'XXX' } })],
    ['a field the protocol does not have', (e: Record<string, unknown>) => Object.assign(e, { note: 'hello' })],
    ['a sale event without its transactionId', (e: Record<string, unknown>) => delete e.transactionId],
    ['an unknown type', (e: Record<string, unknown>) => Object.assign(e, { type: 'cash.drawer_opened' })],
    ['a sequence of 0', (e: Record<string, unknown>) => Object.assign(e, { sequence: 0 })],
    ['an instant without an offset', (e: Record<string, unknown>) => Object.assign(e, { occurredAt: '2026-11-23T10:00:00' })],
  ])('refuses %s, as ingest does', async (_name, change) => {
    const body = JSON.stringify(batchOf(eventOf('receipt.emailed', 1, change)));
    expect(validate(JSON.parse(body))).toBe(false);
    expect((await ingest.postSigned(body)).status).toBe(400);
  });

  it('refuses an empty batch and one of 501 events, as ingest does', async () => {
    for (const events of [[], Array.from({ length: 501 }, (_, i) => eventOf('receipt.emailed', i + 1))]) {
      expect(validate({ events })).toBe(false);
      expect((await ingest.postSigned(JSON.stringify({ events }))).status).toBe(400);
    }
  });
});
