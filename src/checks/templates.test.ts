import { describe, expect, it } from 'vitest';
import { fillExpectation, fillTemplate, fillTemplates } from './templates.ts';

describe('templates', () => {
  it('replaces placeholders inside strings', () => {
    expect(fillTemplate('/users/{{id}}?token={{ token }}', { id: 7, token: 'abc' })).toBe('/users/7?token=abc');
  });

  it('fills nested request bodies and keeps the type of a whole-string placeholder', () => {
    const filled = fillTemplates({ path: '/x/{{id}}', json: { id: '{{id}}', label: 'n{{id}}', list: ['{{name}}'] } }, { id: 3, name: 'Ann' });
    expect(filled).toEqual({ path: '/x/3', json: { id: 3, label: 'n3', list: ['Ann'] } });
  });

  it('names the unknown capture and the known ones', () => {
    expect(() => fillTemplate('/users/{{userId}}', { id: 1 })).toThrow('{{userId}} was never captured (captured so far: id)');
  });

  it('leaves non-string values and text without placeholders alone', () => {
    expect(fillTemplates({ n: 1, ok: true, none: null, text: 'plain' }, {})).toEqual({ n: 1, ok: true, none: null, text: 'plain' });
  });

  it('fills expectations: text for headers and bodies, the captured value itself for JSON equals', () => {
    const captures = { id: 7, etag: '"v1"', first: '{"a":1}' };
    expect(
      fillExpectation({ status: 200, headers: { etag: '{{etag}}', 'content-type': /json/ }, json: [{ path: 'id', equals: '{{id}}' }, { path: 'tags', contains: 'n{{id}}' }, { path: 'name', matches: /x/ }], bodyEquals: '{{first}}', bodyContains: ['id {{id}}'] }, captures),
    ).toEqual({ status: 200, headers: { etag: '"v1"', 'content-type': /json/ }, json: [{ path: 'id', equals: 7 }, { path: 'tags', contains: 'n7' }, { path: 'name', matches: /x/ }], bodyEquals: '{"a":1}', bodyContains: ['id 7'] });
  });
});
