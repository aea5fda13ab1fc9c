import { describe, expect, it } from 'vitest';
import type { HttpResponse } from './define.ts';
import { CheckFailure } from './check-failure.ts';
import { captureValue, cookieValue, expectJson, expectResponse } from './http-expect.ts';

function response(partial: Partial<HttpResponse> & { json?: unknown }): HttpResponse {
  const text = partial.text ?? (partial.json === undefined ? '' : JSON.stringify(partial.json));
  return { status: 200, headers: { 'content-type': 'application/json' }, durationMs: 1, ...partial, text, json: partial.json };
}

function failure(run: () => void): CheckFailure {
  try {
    run();
  } catch (error) {
    if (error instanceof CheckFailure) return error;
    throw error;
  }
  throw new Error('expected a CheckFailure');
}

describe('expectResponse', () => {
  it('passes a response that meets every expectation', () => {
    expect(() =>
      expectResponse(response({ status: 201, json: { id: 1, tags: ['a'] } }), {
        status: [200, 201],
        headers: { 'Content-Type': /json/, 'x-powered-by': null },
        json: [{ path: 'id', equals: 1, type: 'number' }, { path: 'tags', contains: 'a', length: 1 }],
        bodyContains: ['"id"'],
        bodyNotContains: ['password'],
      }),
    ).not.toThrow();
  });

  it('names the status mismatch precisely', () => {
    const error = failure(() => expectResponse(response({ status: 200, json: {} }), { status: 201 }));
    expect(error.message).toBe('expected status 201, got 200');
    expect(error.expected).toBe('status 201');
  });

  it('reports missing, wrong and forbidden headers', () => {
    expect(failure(() => expectResponse(response({ headers: {} }), { headers: { location: '/x' } })).message).toBe('expected a "location" header, got none');
    expect(failure(() => expectResponse(response({ headers: { location: '/y' } }), { headers: { Location: '/x' } })).message).toBe('expected header "Location" to be "/x", got "/y"');
    expect(failure(() => expectResponse(response({ headers: { 'x-powered-by': 'Express' } }), { headers: { 'X-Powered-By': null } })).message).toBe('expected no "X-Powered-By" header, got "Express"');
  });

  it('says when the body is not JSON', () => {
    const error = failure(() => expectResponse(response({ headers: { 'content-type': 'text/html' }, text: 'ok' }), { json: [{ path: 'a', exists: true }] }));
    expect(error.message).toBe('expected a JSON body, got "text/html" text: "ok"');
  });

  it('checks body text', () => {
    expect(failure(() => expectResponse(response({ text: 'hello' }), { bodyContains: ['bye'] })).message).toBe('expected the body to contain "bye"');
    expect(failure(() => expectResponse(response({ text: 'secret' }), { bodyNotContains: ['secret'] })).message).toBe('expected the body not to contain "secret"');
  });
});

describe('expectJson', () => {
  const body = { user: { name: 'Ann', age: 31 }, items: [{ id: 1, name: 'a' }, { id: 2 }], email: 'ann@x.test' };

  it('compares by value and keeps both sides for the diff', () => {
    const error = failure(() => expectJson(body, { path: 'user', equals: { name: 'Ann', age: 30 } }));
    expect(error.message).toBe('the JSON body\'s "user" is not what was expected');
    expect(error.expected).toEqual({ name: 'Ann', age: 30 });
    expect(error.actual).toEqual({ name: 'Ann', age: 31 });
  });

  it('supports contains for arrays (element or partial object), strings and objects', () => {
    expect(() => expectJson(body, { path: 'items', contains: { id: 2 } })).not.toThrow();
    expect(() => expectJson(body, { path: 'items', contains: { name: 'a' } })).not.toThrow();
    expect(() => expectJson(body, { path: 'email', contains: '@x.test' })).not.toThrow();
    expect(() => expectJson(body, { path: 'user', contains: { name: 'Ann' } })).not.toThrow();
    expect(failure(() => expectJson(body, { path: 'items', contains: { id: 3 } })).message).toBe('expected the JSON body\'s "items" to contain {"id":3}');
  });

  it('checks matches, type, exists and length', () => {
    expect(failure(() => expectJson(body, { path: 'email', matches: /^bob/ })).message).toBe('expected the JSON body\'s "email" to match /^bob/, got "ann@x.test"');
    expect(failure(() => expectJson(body, { path: 'user.age', type: 'string' })).message).toBe('expected the JSON body\'s "user.age" to be a string, got a number');
    expect(failure(() => expectJson(body, { path: 'items', type: 'object' })).message).toBe('expected the JSON body\'s "items" to be an object, got an array');
    expect(failure(() => expectJson(body, { path: 'password', exists: true })).message).toBe('expected the JSON body\'s "password" to exist, but it is missing');
    expect(failure(() => expectJson(body, { path: 'user.name', exists: false })).message).toBe('expected the JSON body\'s "user.name" to be absent');
    expect(failure(() => expectJson(body, { path: 'items', length: 3 })).message).toBe('expected the JSON body\'s "items" to have 3 items, got 2 items');
    expect(failure(() => expectJson(body, { path: 'user', length: 1 })).message).toBe('expected the JSON body\'s "user" to have 1 item, got an object, not an array');
  });

  it('gives the same answer twice for a global RegExp', () => {
    const pattern = /ann/g;
    expect(() => expectJson(body, { path: 'email', matches: pattern })).not.toThrow();
    expect(() => expectJson(body, { path: 'email', matches: pattern })).not.toThrow();
  });
});

describe('captures', () => {
  const res = response({ json: { token: 'abc' }, headers: { location: '/users/4', 'set-cookie': 'theme=dark; Path=/\nsid=s%3A123; HttpOnly' } });

  it('reads JSON paths, headers and cookies', () => {
    expect(captureValue(res, 'token', { json: 'token' })).toBe('abc');
    expect(captureValue(res, 'where', { header: 'Location' })).toBe('/users/4');
    expect(captureValue(res, 'sid', { cookie: 'sid' })).toBe('s%3A123');
  });

  it('fails clearly when the value is missing', () => {
    expect(failure(() => captureValue(res, 'id', { json: 'id' })).message).toBe('expected the JSON body\'s "id" (needed as "id" by the next steps), but it is missing');
    expect(failure(() => captureValue(res, 'session', { cookie: 'session' })).message).toBe('expected the response to set the cookie "session" (needed as "session" by the next steps)');
  });

  it('parses Set-Cookie lines', () => {
    expect(cookieValue(undefined, 'a')).toBeUndefined();
    expect(cookieValue('a=1; Path=/\nb=2', 'b')).toBe('2');
  });
});
