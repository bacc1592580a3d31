import { shortHash } from './short-hash';

describe('a shortened hash', () => {
  it('keeps the first eight and the last four characters of a SHA-256', () => {
    const sha256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
    expect(shortHash(sha256)).toBe('e3b0c442…b855');
  });

  it('is the value itself when shortening would not make it shorter', () => {
    expect(shortHash('abcdef0123456')).toBe('abcdef0123456');
    expect(shortHash('')).toBe('');
  });
});
