import { describe, expect, it } from 'vitest';
import type { UpstreamScript } from '../checks/define.ts';
import { isLoopbackHost, matchUpstream } from './upstream-match.ts';

const script: UpstreamScript = {
  'GET https://api.pay.test/*': { json: { any: true } },
  'GET https://api.pay.test/v1/charges/*': [{ status: 500, json: {} }, { json: { ok: true } }],
  'POST https://api.pay.test/v1/charges': { hang: true },
};

describe('matchUpstream', () => {
  it('prefers the most specific wildcard and matches methods exactly', () => {
    expect(matchUpstream(script, 'get', 'https://api.pay.test/v1/charges/7', () => 0)?.key).toBe('GET https://api.pay.test/v1/charges/*');
    expect(matchUpstream(script, 'GET', 'https://api.pay.test/other', () => 0)?.response).toEqual({ json: { any: true } });
    expect(matchUpstream(script, 'POST', 'https://api.pay.test/v1/charges', () => 0)?.response).toEqual({ hang: true });
    expect(matchUpstream(script, 'DELETE', 'https://api.pay.test/v1/charges', () => 0)).toBeUndefined();
    expect(matchUpstream(script, 'GET', 'https://evil.test/', () => 0)).toBeUndefined();
  });

  it('serves a sequence by call count and repeats its last element', () => {
    const at = (n: number) => matchUpstream(script, 'GET', 'https://api.pay.test/v1/charges/1', () => n)?.response;
    expect(at(0)).toEqual({ status: 500, json: {} });
    expect(at(1)).toEqual({ json: { ok: true } });
    expect(at(5)).toEqual({ json: { ok: true } });
  });

  it('accepts an exact URL with or without the trailing slash fetch adds', () => {
    expect(matchUpstream({ 'GET https://w.test': { json: 1 } }, 'GET', 'https://w.test/', () => 0)).toBeDefined();
  });

  it('knows loopback hosts', () => {
    expect(['localhost', '127.0.0.1', '[::1]'].every(isLoopbackHost)).toBe(true);
    expect(isLoopbackHost('example.com')).toBe(false);
  });
});
