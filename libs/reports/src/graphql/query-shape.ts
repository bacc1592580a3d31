import { Kind, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

/** How big an operation is once its fragments are expanded. */
export interface QueryShape {
  /** Nested fields on the longest path; introspection (`__schema`, `__type`) does not count. */
  readonly depth: number;
  /** Aliased fields at any level. */
  readonly aliases: number;
  /** Distinct response keys at the root: what the operation asks to resolve at the top. */
  readonly rootFields: number;
  /** Fields and fragments selected, a fragment counted again wherever it is spread. */
  readonly selections: number;
}

interface Measure {
  readonly depth: number;
  readonly aliases: number;
  readonly selections: number;
}

const INTROSPECTION_ROOTS = new Set(['__schema', '__type']);

/**
 * Measures a validated operation (fragments known and acyclic). Each fragment is measured once, so a query that
 * spreads fragments into each other costs linear time here however large its expansion.
 */
export function measureQueryShape(document: DocumentNode, operation: OperationDefinitionNode): QueryShape {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const measured = new Map<string, Measure>();
  const rootKeysOf = new Map<string, ReadonlySet<string>>();

  /** What `compute` gives for the named fragment, computed once per fragment. */
  function ofFragment<T>(cache: Map<string, T>, name: string, compute: (set: SelectionSetNode) => T): T {
    let found = cache.get(name);
    if (found === undefined) {
      const definition = fragments.get(name);
      if (!definition) throw new Error(`fragment ${name} is not defined (the document was not validated)`);
      found = compute(definition.selectionSet);
      cache.set(name, found);
    }
    return found;
  }

  function measure(set: SelectionSetNode): Measure {
    let depth = 0;
    let aliases = 0;
    let selections = 0;
    for (const selection of set.selections) {
      selections += 1;
      if (selection.kind === Kind.FIELD) {
        const child = selection.selectionSet ? measure(selection.selectionSet) : undefined;
        if (selection.alias) aliases += 1;
        aliases += child?.aliases ?? 0;
        selections += child?.selections ?? 0;
        if (!INTROSPECTION_ROOTS.has(selection.name.value)) depth = Math.max(depth, 1 + (child?.depth ?? 0));
      } else {
        const child = selection.kind === Kind.INLINE_FRAGMENT ? measure(selection.selectionSet) : ofFragment(measured, selection.name.value, measure);
        aliases += child.aliases;
        selections += child.selections;
        depth = Math.max(depth, child.depth);
      }
    }
    return { depth, aliases, selections };
  }

  function rootKeys(set: SelectionSetNode): ReadonlySet<string> {
    const keys = new Set<string>();
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) keys.add((selection.alias ?? selection.name).value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) for (const key of rootKeys(selection.selectionSet)) keys.add(key);
      else for (const key of ofFragment(rootKeysOf, selection.name.value, rootKeys)) keys.add(key);
    }
    return keys;
  }

  return { ...measure(operation.selectionSet), rootFields: rootKeys(operation.selectionSet).size };
}
