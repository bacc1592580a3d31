// Fuzzing the ingest door with generated hostile requests (see hostile-requests.arbitraries.ts), on the real
// adapters: whatever arrives, the answer is the contract's (never a 5xx), a refused batch takes nothing, no
// answer, log line or stored message carries a card number, and the app still serves a good terminal afterwards.
import { randomUUID } from 'node:crypto';
import { findFullPans, isLuhnValid, isUuid } from '@posledger/domain';
import fc from 'fast-check';
import { goodBatch, hostileRequest, type Expected } from '../test-support/hostile-requests.arbitraries';
import { startIngestUnderTest, TERMINAL_ID, type IngestAnswer, type IngestUnderTest } from '../test-support/ingest-under-test';

const RUNS = 10_000;

// The store scan of invariant 2: a Luhn-valid 13-19 digit run, as every store is scanned.
const storedCardNumbers = (text: string) => [...text.matchAll(/(?<!\d)\d{13,19}(?!\d)/g)].map(([run]) => run).filter(isLuhnValid);

interface Before {
  readonly published: number;
  readonly warnings: number;
  readonly errors: number;
  readonly unseenIds: readonly string[];
}

function checkRefusal(answer: IngestAnswer, body: Record<string, unknown>, expected: Expected): void {
  expect(Object.keys(body).filter((key) => !['error', 'message', 'errors'].includes(key))).toEqual([]);
  expect(body.error).toMatch(/^INGEST\.[A-Z_]+$/);
  expect(typeof body.message).toBe('string');
  // Only a batch refused for its content lists errors; a 400 for a request that could not be read does not.
  if (body.error !== 'INGEST.INVALID_BATCH') return expect(body.errors).toBeUndefined();
  expect(answer.status).toBe(400);
  const errors = body.errors as { index: number | null; field: string; message: string }[];
  expect(errors.length).toBeGreaterThan(0);
  for (const { index, ...rest } of errors) {
    expect(index === null || Number.isInteger(index)).toBe(true);
    expect(rest).toEqual({ field: expect.any(String), message: expect.any(String) });
  }
  if (expected.onlyIndex !== undefined) expect(errors.filter((error) => error.index !== expected.onlyIndex)).toEqual([]);
  if (expected.names) {
    const { index, field, cardData } = expected.names;
    expect(errors).toContainEqual({ index, field, message: cardData ? expect.stringContaining('CARD_DATA') : expect.any(String) });
  }
}

describe('hostile requests to ingest (fuzz)', () => {
  let ingest: IngestUnderTest;
  const seenStatuses = new Set<number>();
  const seenKinds = new Set<string>();

  beforeAll(async () => {
    ingest = await startIngestUnderTest();
  });

  afterAll(async () => {
    await ingest.close();
  });

  it(`answers ${RUNS} generated hostile requests by the contract, takes nothing of a refused batch, and still serves a good one`, async () => {
    await fc.assert(
      fc.asyncProperty(hostileRequest, async (hostile) => {
        const { request, expected, eventIds } = hostile.prepare(ingest.secret, Date.now());
        const before: Before = {
          published: ingest.published.length,
          warnings: ingest.logs.warnings.length,
          errors: ingest.logs.errors.length,
          // Only ids that can be event ids: the store is never asked about anything else.
          unseenIds: eventIds.filter((id) => isUuid(id) && !ingest.seen.has(TERMINAL_ID, id)),
        };
        const answer = await ingest.inject(request);
        seenStatuses.add(answer.status);
        seenKinds.add(hostile.kind);

        expect(answer.status).toBeLessThan(500);
        if (expected.statuses.length > 0) expect(expected.statuses).toContain(answer.status);
        expect(findFullPans(answer.text)).toEqual([]);
        expect(ingest.logs.errors.slice(before.errors)).toEqual([]);
        const body = JSON.parse(answer.text) as Record<string, unknown>;
        const taken = ingest.published.slice(before.published);
        const warnings = ingest.logs.warnings.slice(before.warnings);
        if (answer.status === 202) {
          expect(body).toEqual({ accepted: taken.length, duplicates: eventIds.length - taken.length });
          expect(eventIds.filter((id) => !ingest.seen.has(TERMINAL_ID, id))).toEqual([]);
          expect(taken.flatMap((message) => storedCardNumbers(message.value))).toEqual([]);
          expect(warnings).toEqual([]);
        } else {
          checkRefusal(answer, body, expected);
          expect(taken).toEqual([]);
          expect(before.unseenIds.filter((id) => ingest.seen.has(TERMINAL_ID, id))).toEqual([]);
          expect(warnings).toHaveLength(1);
          expect(warnings[0]).not.toMatch(/[\r\n]/);
          expect(findFullPans(warnings[0])).toEqual([]);
        }
      }),
      { numRuns: RUNS },
    );

    expect([...seenStatuses].sort()).toEqual(expect.arrayContaining([202, 400, 401, 404, 413, 415]));
    expect(seenKinds.size).toBeGreaterThanOrEqual(15);

    const good = goodBatch(ingest.secret, Date.now(), { eventId: randomUUID(), transactionId: randomUUID() });
    const answer = await ingest.inject(good.request);
    expect({ status: answer.status, body: JSON.parse(answer.text) }).toEqual({ status: 202, body: { accepted: 1, duplicates: 0 } });
    expect(await ingest.deliveredCount(ingest.published.length)).toBe(ingest.published.length);
  }, 300_000);
});
