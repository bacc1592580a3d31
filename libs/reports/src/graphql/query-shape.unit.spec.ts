import { getOperationAST, parse } from 'graphql';
import { measureQueryShape } from './query-shape';

const shapeOf = (query: string) => {
  const document = parse(query);
  return measureQueryShape(document, getOperationAST(document)!);
};

describe('query shape', () => {
  it('counts depth, aliases, root fields and selections of a plain query', () => {
    expect(shapeOf('{ a: salesSummary { key } b: salesSummary { key } balances { pending { minor } } }')).toEqual({
      depth: 3,
      aliases: 2,
      rootFields: 3,
      selections: 7,
    });
  });

  it('expands fragments and inline fragments wherever they are spread', () => {
    const shape = shapeOf(`
      query { ...Reports transactions { edges { node { ...Sale } } } }
      fragment Reports on Query { x: balances { currency } y: balances { currency } }
      fragment Sale on Transaction { id ... on Transaction { e: events { id } } }`);

    expect(shape).toEqual({ depth: 5, aliases: 3, rootFields: 3, selections: 13 });
  });

  it('counts the same response key once at the root, as execution merges it', () => {
    expect(shapeOf('{ balances { currency } balances { currency } ...R } fragment R on Query { balances { currency } }').rootFields).toBe(1);
  });

  it('does not count introspection in the depth', () => {
    expect(shapeOf('{ __schema { types { fields { type { ofType { ofType { ofType { name } } } } } } } }').depth).toBe(0);
    expect(shapeOf('{ __typename balances { currency } }').depth).toBe(2);
  });

  it('measures each fragment once: a query spreading fragments into each other is measured in linear time', () => {
    const levels = 60;
    const fragments = Array.from({ length: levels }, (_, i) => `fragment F${i + 1} on Query { ...F${i} ...F${i} }`).join('\n');
    const shape = shapeOf(`{ ...F${levels} }\nfragment F0 on Query { balances { currency } }\n${fragments}`);

    expect(shape.selections).toBeGreaterThan(2 ** levels);
    expect(shape.rootFields).toBe(1);
  });
});
