// The compiled queries answer exactly what Apollo's own execution answers: the same data, and on any error the same
// formatted errors and status, because an answer with errors is left to Apollo.
import { ApolloServer, type GraphQLResponse } from '@apollo/server';
import fc from 'fast-check';
import { buildSchema, GraphQLObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { compiledQueriesPlugin } from './compiled-queries.plugin';

const typeDefs = `
  enum Method { CARD CASH }
  type Amount { minor: String! currency: String! }
  type Sale { id: ID! method: Method! amount: Amount! tip: Amount note: String failing: String }
  type Query { sales(first: Int!): [Sale!]! sale(id: ID!): Sale broken: Sale! }
  type Mutation { record(id: ID!): Sale! }
`;

/** Sets the resolvers on the schema's fields, as makeExecutableSchema would. */
function withResolvers(schema: GraphQLSchema, resolvers: Record<string, Record<string, GraphQLFieldResolver<never, unknown, never>>>): GraphQLSchema {
  for (const [typeName, fields] of Object.entries(resolvers)) {
    const type = schema.getType(typeName);
    if (!(type instanceof GraphQLObjectType)) throw new Error(`${typeName} is not an object type`);
    for (const [fieldName, resolve] of Object.entries(fields)) type.getFields()[fieldName].resolve = resolve as GraphQLFieldResolver<unknown, unknown>;
  }
  return schema;
}

interface Sale {
  id: string;
  method: 'CARD' | 'CASH';
  amount: { minor: string; currency: string };
  tip: { minor: string; currency: string } | null;
  note: string | null;
}

interface Server {
  run(query: string, variables?: Record<string, unknown>): Promise<{ status?: number; result: unknown; plainObjects: boolean }>;
  readonly calls: { sales: number; record: number };
  stop(): Promise<void>;
}

async function server(sales: readonly Sale[], compiled: boolean): Promise<Server> {
  const calls = { sales: 0, record: 0 };
  const resolvers = {
    Query: {
      sales: (_: unknown, { first }: { first: number }) => {
        calls.sales++;
        return sales.slice(0, first);
      },
      sale: (_: unknown, { id }: { id: string }) => sales.find((sale) => sale.id === id) ?? null,
      broken: () => null,
    },
    Sale: {
      failing: (sale: Sale) => {
        if (sale.note === null) throw new Error(`sale ${sale.id} has no note`);
        return sale.note;
      },
    },
    Mutation: {
      record: (_: unknown, { id }: { id: string }) => {
        calls.record++;
        return { id, method: 'CASH', amount: { minor: '1', currency: 'EUR' }, tip: null, note: null };
      },
    },
  };
  const apollo = new ApolloServer({ schema: withResolvers(buildSchema(typeDefs), resolvers), plugins: compiled ? [compiledQueriesPlugin()] : [] });
  await apollo.start();
  return {
    calls,
    async run(query, variables) {
      const response: GraphQLResponse = await apollo.executeOperation({ query, variables }, { contextValue: { grant: undefined } });
      if (response.body.kind !== 'single') throw new Error('expected a single result');
      const data = response.body.singleResult.data;
      return {
        status: response.http.status,
        result: JSON.parse(JSON.stringify(response.body.singleResult)),
        plainObjects: data !== null && data !== undefined && Object.getPrototypeOf(data) === Object.prototype,
      };
    },
    stop: () => apollo.stop(),
  };
}

const saleArbitrary = (id: number): fc.Arbitrary<Sale> =>
  fc.record({
    id: fc.constant(`s-${id}`),
    method: fc.constantFrom('CARD' as const, 'CASH' as const),
    amount: fc.record({ minor: fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map(String), currency: fc.constantFrom('EUR', 'CNY', 'JPY') }),
    tip: fc.option(fc.record({ minor: fc.bigInt({ min: 0n, max: 10n ** 12n }).map(String), currency: fc.constant('EUR') })),
    note: fc.option(fc.string()),
  });

const salesArbitrary = fc.integer({ min: 0, max: 12 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => saleArbitrary(i))));

/** A selection of a sale's fields, each perhaps aliased and perhaps under @include(if: $shown). */
const selectionArbitrary = fc
  .subarray(['id', 'method', 'amount { minor currency }', 'tip { currency minor }', 'note', 'failing', '...on Sale { id note }'], { minLength: 1 })
  .chain((fields) => fc.tuple(...fields.map((field) => fc.record({ field: fc.constant(field), alias: fc.boolean(), included: fc.boolean() }))))
  .map((fields) =>
    fields
      .map(({ field, alias, included }, i) => `${alias && !field.startsWith('...') ? `a${i}: ` : ''}${field.startsWith('...') ? field : field.replace(/^(\w+)/, `$1${included ? ' @include(if: $shown)' : ''}`)}`)
      .join(' '),
  );

describe('compiled queries', () => {
  it('answer any query as Apollo does, and compiled whenever the answer has no errors', async () => {
    await fc.assert(
      fc.asyncProperty(salesArbitrary, selectionArbitrary, fc.integer({ min: 0, max: 15 }), fc.boolean(), async (sales, selection, first, shown) => {
        const [plain, compiled] = await Promise.all([server(sales, false), server(sales, true)]);
        try {
          const query = `query Sales($first: Int!, $shown: Boolean!) { sales(first: $first) { ${selection} } none: sale(id: "s-none") @include(if: $shown) { id } }`;
          const [expected, actual] = await Promise.all([plain.run(query, { first, shown }), compiled.run(query, { first, shown })]);
          expect(actual.result).toEqual(expected.result);
          expect(actual.status).toBe(expected.status);
          const hasErrors = (expected.result as { errors?: unknown }).errors !== undefined;
          // graphql-js builds answers from null-prototype objects, graphql-jit from literals: this says who answered.
          expect(actual.plainObjects).toBe(!hasErrors);
          expect(compiled.calls.sales).toBe(hasErrors ? 2 : 1);
        } finally {
          await Promise.all([plain.stop(), compiled.stop()]);
        }
      }),
      { numRuns: 150 },
    );
  });

  it.each([
    ['a null where the schema says non-null', '{ broken { id } }', undefined],
    ['a variable of the wrong type', 'query Sales($first: Int!) { sales(first: $first) { id } }', { first: 'ten' }],
    ['a missing variable', 'query Sales($first: Int!) { sales(first: $first) { id } }', {}],
    ['an unknown field', '{ sales(first: 1) { colour } }', undefined],
  ])("answer %s with Apollo's own errors and status", async (_, query, variables) => {
    const sales = [{ id: 's-0', method: 'CARD' as const, amount: { minor: '100', currency: 'EUR' }, tip: null, note: null }];
    const [plain, compiled] = await Promise.all([server(sales, false), server(sales, true)]);
    try {
      const [expected, actual] = await Promise.all([plain.run(query, variables), compiled.run(query, variables)]);
      expect((expected.result as { errors?: unknown[] }).errors?.length).toBeGreaterThan(0);
      expect(actual).toEqual(expected);
    } finally {
      await Promise.all([plain.stop(), compiled.stop()]);
    }
  });

  it('leave mutations to Apollo, which runs them once', async () => {
    const compiled = await server([], true);
    try {
      const answered = await compiled.run('mutation { record(id: "s-9") { id method } }');
      expect(answered).toEqual({ status: undefined, result: { data: { record: { id: 's-9', method: 'CASH' } } }, plainObjects: false });
      expect(compiled.calls.record).toBe(1);
    } finally {
      await compiled.stop();
    }
  });
});
