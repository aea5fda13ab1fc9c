import { describe, expect, it } from 'vitest';
import { draftToSpec, emptyDraft, exampleToDraft, formatBytes, specToCurl, specToDraft } from './http-request-draft.ts';

describe('draftToSpec', () => {
  it('builds a spec from enabled, named headers and query rows and a JSON body', () => {
    const result = draftToSpec({
      ...emptyDraft(),
      method: 'POST',
      path: ' /users ',
      headers: [
        { name: 'Authorization', value: 'Bearer t', enabled: true },
        { name: 'X-Off', value: '1', enabled: false },
        { name: ' ', value: 'ignored', enabled: true },
      ],
      query: [{ name: 'limit', value: '2', enabled: true }],
      bodyMode: 'json',
      body: '{ "name": "Ada" }',
    });
    expect(result).toEqual({ ok: true, spec: { method: 'POST', path: '/users', headers: { Authorization: 'Bearer t' }, query: { limit: '2' }, json: { name: 'Ada' } } });
  });

  it('refuses a path without a leading slash and invalid JSON, saying what to do', () => {
    expect(draftToSpec({ ...emptyDraft(), path: 'users' })).toEqual({ ok: false, message: 'The path must start with "/", like "/users" (got "users").' });
    const bad = draftToSpec({ ...emptyDraft(), method: 'POST', bodyMode: 'json', body: '{ name: 1 }' });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.message).toMatch(/^The JSON body is not valid JSON: .*Fix it, or pick "Raw"/);
  });

  it('sends form fields and raw bodies, and no body for an empty JSON box', () => {
    expect(draftToSpec({ ...emptyDraft(), bodyMode: 'form', form: [{ name: 'email', value: 'a@b.c', enabled: true }] })).toMatchObject({ spec: { form: { email: 'a@b.c' } } });
    expect(draftToSpec({ ...emptyDraft(), bodyMode: 'raw', body: 'hello' })).toMatchObject({ spec: { body: 'hello' } });
    expect(draftToSpec({ ...emptyDraft(), bodyMode: 'json', body: '  ' })).toEqual({ ok: true, spec: { method: 'GET', path: '/' } });
  });
});

describe('specToDraft and exampleToDraft', () => {
  it('round-trips a spec through the form', () => {
    const spec = { method: 'PUT' as const, path: '/items/1', headers: { 'x-a': '1' }, query: { q: 'x' }, json: { done: true } };
    expect(draftToSpec(specToDraft(spec))).toEqual({ ok: true, spec });
    const form = { method: 'POST' as const, path: '/login', form: { user: 'a' } };
    expect(draftToSpec(specToDraft(form))).toEqual({ ok: true, spec: form });
  });

  it('edits an example body as JSON when it parses, as raw text otherwise', () => {
    expect(exampleToDraft({ method: 'POST', path: '/users', body: '{"name":"Ada"}' })).toMatchObject({ bodyMode: 'json', body: '{\n  "name": "Ada"\n}' });
    expect(exampleToDraft({ method: 'POST', path: '/echo', body: 'plain', headers: { 'content-type': 'text/plain' } })).toMatchObject({
      bodyMode: 'raw',
      body: 'plain',
      headers: [{ name: 'content-type', value: 'text/plain', enabled: true }],
    });
  });
});

describe('specToCurl', () => {
  it('quotes for a POSIX shell and includes method, query, headers and body', () => {
    expect(specToCurl({ method: 'POST', path: '/users', query: { q: "it's" }, headers: { Authorization: 'Bearer x' }, json: { name: "O'Hara" } }, 'http://localhost:3000')).toBe(
      `curl -X POST 'http://localhost:3000/users?q=it%27s' -H 'content-type: application/json' -H 'authorization: Bearer x' --data-raw '{"name":"O'\\''Hara"}'`,
    );
    expect(specToCurl({ path: '/health' }, 'http://localhost:3000')).toBe('curl http://localhost:3000/health');
  });
});

describe('formatBytes', () => {
  it('uses B, kB and MB', () => {
    expect([formatBytes(12), formatBytes(1234), formatBytes(2_500_000)]).toEqual(['12 B', '1.2 kB', '2.5 MB']);
  });
});
