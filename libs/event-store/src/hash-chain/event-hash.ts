import { hash } from 'node:crypto';
import type { JsonObject } from '../event-store.port';
import { canonicalJson } from './canonical-json';

/** The prev of a stream's first event (and of an event whose predecessor predates the chain): 32 zero bytes. */
export const GENESIS_HASH = 'A'.repeat(43);

/**
 * Hashes are base64url, not hex: hex digests hold Luhn-valid 13-19 digit runs often enough to be mistaken for card
 * numbers by the store scan of invariant 2.
 */
export const HASH_ENCODING = 'base64url';

/** Kept in every appended event's metadata under `chain`; the key is reserved (a caller's own `chain` is replaced). */
export interface ChainLink {
  readonly prev: string;
  readonly hash: string;
}

export interface HashedContent {
  readonly streamId: string;
  readonly revision: bigint;
  readonly id: string;
  readonly type: string;
  readonly data: JsonObject;
  /** With or without `chain`: it is never hashed. */
  readonly metadata: JsonObject;
}

/**
 * SHA-256 (base64url) of what the stream's author decided, bound to its place in the stream and to its predecessor.
 * Position and recordedAt are the store's and stay out, so an idempotent retry hashes the same.
 */
export function eventHash(event: HashedContent, prev: string): string {
  // Fields as JSON strings in a fixed order: as canonical as one sorted object, without building one per event.
  const content = `[${JSON.stringify(event.streamId)},"${event.revision}",${JSON.stringify(event.id)},${JSON.stringify(event.type)},${canonicalJson(event.data)},${canonicalJson(withoutChain(event.metadata))},${JSON.stringify(prev)}]`;
  // One-shot: about half the cost of a Hash object per event.
  return hash('sha256', content, HASH_ENCODING);
}

export function chainOf(metadata: JsonObject): ChainLink | undefined {
  const chain = metadata.chain;
  if (typeof chain !== 'object' || chain === null) return undefined;
  const { prev, hash } = chain as Record<string, unknown>;
  return typeof prev === 'string' && typeof hash === 'string' ? { prev, hash } : undefined;
}

export function withoutChain(metadata: JsonObject): JsonObject {
  if (!('chain' in metadata)) return metadata;
  const { chain: _chain, ...rest } = metadata;
  return rest;
}
