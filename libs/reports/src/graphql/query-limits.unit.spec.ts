import { buildSchema, getOperationAST, GraphQLError, parse } from 'graphql';
import { QueryLimitError } from './query-limit.error';
import { refuseQueryOverLimits } from './query-limits';

// The shape of the reports schema the cost model names (Query.transactions, Transaction.events, integrity), plus a
// recursive type the real schema does not have, to reach the depth limit.
const schema = buildSchema(`
  type Money { currency: String! minor: String! }
  type Bucket { key: String! count: Int! gross: Money! net: Money! }
  type LedgerEvent { id: String! type: String! data: String! }
  type Transaction { id: ID! status: String! amount: Money! events: [LedgerEvent!] }
  type Edge { cursor: String! node: Transaction! }
  type PageInfo { hasNextPage: Boolean! endCursor: String }
  type TransactionConnection { edges: [Edge!]! pageInfo: PageInfo! }
  type Node { name: String! parent: Node }
  type IntegrityReport { events: Int! }
  type Query {
    salesSummary(from: String!, to: String!): [Bucket!]!
    balances: [Money!]!
    transactions(first: Int, after: String): TransactionConnection!
    integrity: IntegrityReport!
    node: Node
  }
`);

function refusal(query: string, variables: Record<string, unknown> = {}): { code: unknown; message: string } | undefined {
  const document = parse(query);
  try {
    refuseQueryOverLimits(schema, document, getOperationAST(document)!, variables);
    return undefined;
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    return { code: error.extensions.code, message: error.message };
  }
}

const SUMMARY = 'salesSummary(from: "2026-11-01T00:00:00Z", to: "2026-12-01T00:00:00Z") { key count gross { currency minor } net { minor } }';
const aliased = (count: number, field: string) => `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(' ')} }`;

describe('query limits', () => {
  it('lets through what the dashboard and the README ask', () => {
    expect(refusal(`{ balances { currency minor } byDay: ${SUMMARY} byMethod: ${SUMMARY} }`)).toBeUndefined();
    expect(refusal('{ transactions(first: 20) { edges { cursor node { id status amount { minor } } } pageInfo { hasNextPage endCursor } } }')).toBeUndefined();
    expect(refusal('{ transactions(first: 30) { edges { node { id events { id type data } } } } }')).toBeUndefined();
  });

  it('defect 8: refuses a thousand aliases of salesSummary, naming the limit', () => {
    expect(refusal(aliased(1000, SUMMARY))).toEqual({ code: 'REPORTS.TOO_MANY_ALIASES', message: 'the query has 1000 aliases; at most 20 are allowed' });
  });

  it('defect 8: refuses 200 aliases of a 500-sale page with events', () => {
    expect(refusal(aliased(200, 'transactions(first: 500) { edges { node { events { id type data } } } }'))?.code).toBe('REPORTS.TOO_MANY_ALIASES');
  });

  it('refuses more than 10 root fields', () => {
    expect(refusal(aliased(11, SUMMARY))).toEqual({ code: 'REPORTS.TOO_MANY_ROOT_FIELDS', message: 'the query asks for 11 root fields; at most 10 are allowed' });
    expect(refusal(aliased(10, SUMMARY))).toBeUndefined();
  });

  it('refuses a query nested deeper than 6 fields', () => {
    expect(refusal('{ node { parent { parent { parent { parent { name } } } } } }')).toBeUndefined();
    expect(refusal('{ node { parent { parent { parent { parent { parent { name } } } } } } }')).toEqual({
      code: 'REPORTS.QUERY_TOO_DEEP',
      message: 'the query nests fields 7 deep; at most 6 are allowed',
    });
  });

  it('refuses a page of sales with their events over the cost, counting `first` from the variables too', () => {
    const page = 'query($n: Int) { transactions(first: $n) { edges { node { id events { id type data } } } } }';

    expect(refusal(page, { n: 30 })).toBeUndefined();
    expect(refusal(page, { n: 100 })?.code).toBe('REPORTS.QUERY_TOO_COMPLEX');
    expect(refusal(page, { n: 100 })?.message).toMatch(/^the query costs \d+ points; at most 1000 are allowed/);
  });

  it('costs a `first` out of range at the largest page: the resolver refuses it with its own message', () => {
    expect(refusal('{ transactions(first: 500) { edges { node { id } } } }')).toBeUndefined();
  });

  it('lets the whole-store integrity walk run alone, once', () => {
    expect(refusal('{ integrity { events } }')).toBeUndefined();
    expect(refusal('{ integrity { events } balances { currency } }')?.code).toBe('REPORTS.QUERY_TOO_COMPLEX');
  });

  it('refuses fragments spread into each other into a huge expansion, before walking it', () => {
    const fragments = Array.from({ length: 40 }, (_, i) => `fragment F${i + 1} on Query { ...F${i} ...F${i} }`).join('\n');
    const refused = refusal(`{ ...F40 }\nfragment F0 on Query { balances { currency } }\n${fragments}`);

    expect(refused?.code).toBe('REPORTS.QUERY_TOO_COMPLEX');
    expect(refused?.message).toMatch(/^the query selects \d+ fields and fragments once expanded; at most 1000 are allowed$/);
  });

  it('answers a variable of the wrong type as bad user input (HTTP 400), not as a fault', () => {
    const document = parse('query($n: Int) { transactions(first: $n) { edges { cursor } } }');
    let thrown: unknown;
    try {
      refuseQueryOverLimits(schema, document, getOperationAST(document)!, { n: 'many' });
    } catch (error) {
      thrown = error;
    }

    expect(thrown).toBeInstanceOf(GraphQLError);
    expect(thrown).not.toBeInstanceOf(QueryLimitError);
    expect((thrown as GraphQLError).extensions).toEqual({ code: 'BAD_USER_INPUT', http: { status: 400 } });
  });
});
