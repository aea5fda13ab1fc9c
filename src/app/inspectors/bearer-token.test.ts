import { describe, expect, it } from 'vitest';
import { findBearerToken } from './bearer-token.ts';

describe('findBearerToken', () => {
  it('finds a login’s token at the top or one level down', () => {
    expect(findBearerToken({ token: 'abc' })).toBe('abc');
    expect(findBearerToken({ user: 'ada', access_token: 'xyz' })).toBe('xyz');
    expect(findBearerToken({ data: { accessToken: 'nested' } })).toBe('nested');
  });

  it('finds nothing in bodies without a token', () => {
    expect([findBearerToken(undefined), findBearerToken([{ token: 'a' }]), findBearerToken({ token: 42 }), findBearerToken({ id: 1 })]).toEqual([undefined, undefined, undefined, undefined]);
  });
});
