// Defects 8 and 11 on the reports app with real adapters: queries over a limit are refused with HTTP 400 before any
// resolver runs, naming the limit; client errors are one warn line per request, faults keep their stack trace.
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { getIntrospectionQuery, getOperationAST, parse } from 'graphql';
import { startReportsAppOnDisk, type ReportsAppOnDisk } from '../test-support/reports-app-on-disk';
import { refuseQueryOverLimits } from './query-limits';

jest.setTimeout(60_000);

let reports: ReportsAppOnDisk;
let merchant: string;

interface Answer {
  status: number;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] };
}

async function post(token: string | undefined, query: string, variables: Record<string, unknown> = {}): Promise<Answer> {
  const response = await reports.app.inject({
    method: 'POST',
    url: '/graphql',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    payload: { query, variables },
  });
  return { status: response.statusCode, body: response.json() };
}

/** What the request wrote to stdout and stderr (Nest's console logger writes there directly). */
async function logsOf(request: () => Promise<unknown>): Promise<string[]> {
  const written: string[] = [];
  const capture = (chunk: string | Uint8Array) => {
    written.push(chunk.toString());
    return true;
  };
  const out = jest.spyOn(process.stdout, 'write').mockImplementation(capture);
  const err = jest.spyOn(process.stderr, 'write').mockImplementation(capture);
  try {
    await request();
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  return written.join('').split('\n').filter((line) => line.trim() !== '');
}

const SUMMARY = 'salesSummary(from: "2026-11-01T00:00:00+08:00", to: "2026-12-01T00:00:00+08:00", groupBy: DAY) { key count gross { currency minor } net { minor } }';
const aliased = (count: number, field: string) => `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(' ')} }`;
const README_QUERY = `{
  salesSummary(from: "2026-11-01T00:00:00+08:00", to: "2026-12-01T00:00:00+08:00", groupBy: DAY) {
    key count gross { currency minor } refunds { minor } voids { minor } fees { minor } net { minor }
  }
  balances { currency pending { minor } settled { minor } fees { minor } available { minor } }
  settlementBatches(from: "2026-11-01T00:00:00Z", to: "2026-12-01T00:00:00Z") { terminalId batchNumber status differences { method countDifference amountDifference { minor } } }
  transactions(first: 20, filter: { status: "SETTLED" }) { edges { node { id status amount { minor } } } pageInfo { hasNextPage endCursor } }
}`;

beforeAll(async () => {
  reports = await startReportsAppOnDisk('reports-query-limits', 1_000_000);
  merchant = await reports.credentials.issueToken({ role: 'merchant', merchantId: 'm-limits' });
});

afterAll(async () => {
  await reports?.close();
});

describe('query limits on the reports app', () => {
  it('defect 8: a thousand aliases of salesSummary are refused with 400 before any of them runs', async () => {
    const answer = await post(merchant, aliased(1000, SUMMARY));

    expect(answer.status).toBe(400);
    expect(answer.body.data).toBeUndefined();
    expect(answer.body.errors).toEqual([{ message: 'the query is 153893 characters long; at most 10000 are allowed', extensions: { code: 'REPORTS.QUERY_TOO_LARGE' } }]);
  });

  it('defect 8: aliases short enough to pass the text limit are refused by their number, with 400', async () => {
    const summaries = await post(merchant, `query($f: String!, $t: String!) ${aliased(100, 'salesSummary(from: $f, to: $t, groupBy: DAY) { key }')}`, { f: '2026-11-01T00:00:00Z', t: '2026-12-01T00:00:00Z' });
    const pages = await post(merchant, aliased(100, 'transactions(first: 500) { edges { node { events { id } } } }'));

    expect(summaries.status).toBe(400);
    expect(summaries.body.data).toBeUndefined();
    expect(summaries.body.errors).toEqual([{ message: 'the query has 100 aliases; at most 20 are allowed', extensions: { code: 'REPORTS.TOO_MANY_ALIASES' } }]);
    expect(pages.status).toBe(400);
    expect(pages.body.errors?.map((e) => e.extensions?.code)).toEqual(['REPORTS.TOO_MANY_ALIASES']);
  });

  it('refuses one page of 100 sales with their events as too costly, and a 500-sale page by its argument', async () => {
    const costly = await post(merchant, 'query($n: Int) { transactions(first: $n) { edges { node { id events { id type data } } } } }', { n: 100 });
    const tooLong = await post(merchant, '{ transactions(first: 500) { edges { node { id } } } }');

    expect(costly.status).toBe(400);
    expect(costly.body.errors?.[0].extensions?.code).toBe('REPORTS.QUERY_TOO_COMPLEX');
    expect(tooLong.body.errors).toEqual([expect.objectContaining({ message: 'first must be between 1 and 100, got 500', extensions: { code: 'REPORTS.INVALID_ARGUMENT' } })]);
  });

  it('refuses more than 10 root fields, and a query text over 10,000 characters, with 400', async () => {
    const roots = await post(merchant, aliased(11, SUMMARY));
    const large = await post(merchant, `{ ${'__typename '.repeat(1000)} }`);

    expect(roots.status).toBe(400);
    expect(roots.body.errors?.[0].extensions?.code).toBe('REPORTS.TOO_MANY_ROOT_FIELDS');
    expect(large.status).toBe(400);
    expect(large.body.errors).toEqual([{ message: 'the query is 11004 characters long; at most 10000 are allowed', extensions: { code: 'REPORTS.QUERY_TOO_LARGE' } }]);
  });

  it("answers a variable of the wrong type with 400, as Apollo does", async () => {
    const answer = await post(merchant, 'query($n: Int) { transactions(first: $n) { edges { cursor } } }', { n: 'many' });

    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it("lets the README's query, the dashboard's and a full introspection through, on the real schema", () => {
    const schema = reports.app.get(GraphQLSchemaHost).schema;
    const dashboard = `{ balances { currency pending { currency minor } settled { currency minor } fees { currency minor } available { currency minor } } byDay: ${SUMMARY} byMethod: ${SUMMARY} }`;
    for (const query of [README_QUERY, dashboard, getIntrospectionQuery()]) {
      const document = parse(query);
      expect(() => refuseQueryOverLimits(schema, document, getOperationAST(document)!, {})).not.toThrow();
    }
  });
});

describe('logging of the reports app (defect 11)', () => {
  it('logs a bad token on four fields as one warn line, with no stack trace', async () => {
    const lines = await logsOf(() => post('plt_not-a-token', `{ ${SUMMARY} balances { currency } transactions { edges { cursor } } terminalSequences { terminalId } }`));

    expect(lines).toEqual([expect.stringMatching(/WARN.*query salesSummary,balances,transactions,terminalSequences refused: REPORTS\.NOT_AUTHENTICATED "a valid Bearer token is required"/)]);
  });

  it('logs a refused query and an invalid argument as one warn line each', async () => {
    const refused = await logsOf(() => post(merchant, aliased(30, SUMMARY)));
    const invalid = await logsOf(() => post(merchant, '{ salesSummary(from: "yesterday\\r\\nERROR forged", to: "2026-12-01T00:00:00Z", groupBy: DAY) { key } }'));

    expect(refused).toEqual([expect.stringMatching(/WARN.*REPORTS\.TOO_MANY_ALIASES/)]);
    expect(invalid).toEqual([expect.stringMatching(/WARN.*REPORTS\.INVALID_ARGUMENT/)]);
  });

  it('logs a real fault as an error with its stack trace', async () => {
    // The ledger's tables are not created here: balances fails in the read store.
    const lines = await logsOf(() => post(merchant, '{ balances { currency } }'));

    expect(lines[0]).toMatch(/ERROR.*query balances failed at balances:/);
    expect(lines.some((line) => /^\s+at /.test(line))).toBe(true);
  });
});
