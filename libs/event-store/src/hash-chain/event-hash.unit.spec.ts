import { GENESIS_HASH, chainOf, eventHash, withoutChain, type HashedContent } from './event-hash';

const event: HashedContent = { streamId: 'terminal-t-1', revision: 3n, id: 'e-1', type: 'SaleApproved', data: { amountMinor: '1250', currency: 'CNY' }, metadata: { causationId: 'c-1' } };

describe('eventHash', () => {
  it('is a SHA-256 base64url digest that does not depend on key order or on the chain metadata itself', () => {
    const hash = eventHash(event, GENESIS_HASH);
    expect(hash).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(eventHash({ ...event, data: { currency: 'CNY', amountMinor: '1250' } }, GENESIS_HASH)).toBe(hash);
    expect(eventHash({ ...event, metadata: { ...event.metadata, chain: { prev: GENESIS_HASH, hash } } }, GENESIS_HASH)).toBe(hash);
  });

  it.each<[string, Partial<HashedContent>]>([
    ['stream', { streamId: 'terminal-t-2' }],
    ['revision', { revision: 4n }],
    ['id', { id: 'e-2' }],
    ['type', { type: 'SaleVoided' }],
    ['data', { data: { amountMinor: '1251', currency: 'CNY' } }],
    ['metadata', { metadata: { causationId: 'c-2' } }],
  ])('changes with the %s', (_, change) => {
    expect(eventHash({ ...event, ...change }, GENESIS_HASH)).not.toBe(eventHash(event, GENESIS_HASH));
  });

  it('changes with the previous hash', () => {
    expect(eventHash(event, 'a'.repeat(43))).not.toBe(eventHash(event, GENESIS_HASH));
  });
});

describe('chain metadata', () => {
  it('reads a well-formed link and nothing else', () => {
    expect(chainOf({ chain: { prev: 'p', hash: 'h' } })).toEqual({ prev: 'p', hash: 'h' });
    expect(chainOf({})).toBeUndefined();
    expect(chainOf({ chain: 'forged' })).toBeUndefined();
    expect(chainOf({ chain: { prev: 'p' } })).toBeUndefined();
  });

  it('strips only the chain', () => {
    expect(withoutChain({ chain: { prev: 'p', hash: 'h' }, causationId: 'c' })).toEqual({ causationId: 'c' });
  });
});
