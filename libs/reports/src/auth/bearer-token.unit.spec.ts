import { bearerToken } from './bearer-token';

describe('bearer token', () => {
  it('is the token of a Bearer header only', () => {
    expect(bearerToken('Bearer plt_abc')).toBe('plt_abc');
    expect(bearerToken('Bearer  plt_abc ')).toBe('plt_abc');
    expect(bearerToken('Bearer ')).toBeUndefined();
    expect(bearerToken('Basic dXNlcjpwYXNz')).toBeUndefined();
    expect(bearerToken('bearer plt_abc')).toBeUndefined();
    expect(bearerToken(undefined)).toBeUndefined();
    expect(bearerToken(['Bearer a', 'Bearer b'])).toBeUndefined();
  });
});
