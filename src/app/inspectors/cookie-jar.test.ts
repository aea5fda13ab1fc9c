import { describe, expect, it } from 'vitest';
import { storeSetCookies, withCookies } from './cookie-jar.ts';

const now = new Date('2026-11-26T12:00:00Z');

describe('storeSetCookies', () => {
  it('stores, updates and deletes cookies as a browser does', () => {
    let jar = storeSetCookies([], 'sid=abc; Path=/; HttpOnly\ntheme=dark', now);
    expect(jar).toEqual([
      { name: 'sid', value: 'abc', enabled: true },
      { name: 'theme', value: 'dark', enabled: true },
    ]);
    jar = storeSetCookies(jar, 'sid=def; HttpOnly', now);
    expect(jar.map((cookie) => `${cookie.name}=${cookie.value}`)).toEqual(['theme=dark', 'sid=def']);
    jar = storeSetCookies(jar, 'sid=; Max-Age=0\ntheme=x; Expires=Thu, 01 Jan 1970 00:00:00 GMT', now);
    expect(jar).toEqual([]);
    expect(storeSetCookies(jar, undefined, now)).toEqual([]);
  });
});

describe('withCookies', () => {
  it('sends the enabled cookies, and never overrides a Cookie header the learner typed', () => {
    const jar = [
      { name: 'sid', value: 'abc', enabled: true },
      { name: 'off', value: '1', enabled: false },
      { name: 'b', value: '2', enabled: true },
    ];
    expect(withCookies({ path: '/me' }, jar)).toEqual({ path: '/me', headers: { Cookie: 'sid=abc; b=2' } });
    const typed = { path: '/me', headers: { cookie: 'sid=mine' } };
    expect(withCookies(typed, jar)).toBe(typed);
    expect(withCookies({ path: '/' }, [])).toEqual({ path: '/' });
  });
});
