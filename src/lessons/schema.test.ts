import { describe, expect, it } from 'vitest';
import { alternativeFileSchema, lessonFrontmatterSchema, mutantFileSchema, parseWith, trackFrontmatterSchema } from './schema.ts';

const minimal = { title: 'T', summary: 'S', kind: 'server', focus: 'server.js' };

function problems(data: unknown) {
  const result = parseWith(lessonFrontmatterSchema, data);
  return result.ok ? [] : result.problems;
}

describe('lesson frontmatter schema', () => {
  it('applies the defaults and splits `start` into command and args', () => {
    const result = parseWith(lessonFrontmatterSchema, { ...minimal, start: 'node  --watch server.js' });
    expect(result).toEqual({
      ok: true,
      value: {
        ...minimal,
        mode: 'lesson',
        minutes: 10,
        hints: [],
        start: { command: 'node', args: ['--watch', 'server.js'] },
        env: {},
        port: 3000,
        allowFileChanges: false,
        requests: [],
      },
    });
  });

  it('names every missing required field', () => {
    expect(problems({})).toEqual([
      { field: 'title', message: 'is required' },
      { field: 'summary', message: 'is required' },
      { field: 'kind', message: 'is required: one of server, sql' },
      { field: 'focus', message: 'is required' },
    ]);
  });

  it('phrases type, range and enum problems with the value it got', () => {
    expect(problems({ ...minimal, minutes: 0, port: 'x', mode: 'exam', hints: 'one' })).toEqual([
      { field: 'mode', message: 'must be one of lesson, assessment (got "exam")' },
      { field: 'minutes', message: 'must be greater than 0 (got 0)' },
      { field: 'hints', message: 'must be a list (got "one")' },
      { field: 'port', message: 'must be a number (got "x")' },
    ]);
  });

  it('points into nested requests and flags unknown fields as likely typos', () => {
    expect(problems({ ...minimal, focs: 'a.js', requests: [{ method: 'FETCH', path: 'users' }] })).toEqual([
      { field: 'requests[0].method', message: 'must be one of GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS (got "FETCH")' },
      { field: 'requests[0].path', message: 'must start with "/" (got "users")' },
      { field: 'focs', message: 'is not a known field (check its spelling; see lessons/README.md)' },
    ]);
  });

  it('takes environment variables for the server by their usual names, with text values', () => {
    expect(parseWith(lessonFrontmatterSchema, { ...minimal, env: { SCRYPT_LOG_N: '12' } })).toMatchObject({ ok: true, value: { env: { SCRYPT_LOG_N: '12' } } });
    expect(problems({ ...minimal, env: { 'scrypt-cost': '12', PORT_X: 3 } }).map((problem) => problem.field)).toEqual(['env.scrypt-cost', 'env.PORT_X']);
  });

  it('validates track frontmatter and leaves order to the folder prefix when absent', () => {
    expect(parseWith(trackFrontmatterSchema, { title: 'APIs', summary: 's' })).toEqual({
      ok: true,
      value: { title: 'APIs', summary: 's', prerequisites: [] },
    });
  });
});

describe('mutant.json and alternative.json', () => {
  it('needs at least one kebab-case check id and a reason, and nothing else', () => {
    expect(parseWith(mutantFileSchema, { mustFail: ['get-hello'], why: 'Answers hi.' })).toEqual({ ok: true, value: { mustFail: ['get-hello'], why: 'Answers hi.' } });
    const result = parseWith(mutantFileSchema, { mustFail: [], why: '', mustfail: ['x'] });
    expect(result.ok ? [] : result.problems).toEqual([
      { field: 'mustFail', message: 'must list at least 1 item (got [])' },
      { field: 'why', message: 'must not be empty' },
      { field: 'mustfail', message: 'is not a known field (check its spelling; see lessons/README.md)' },
    ]);
    const badId = parseWith(mutantFileSchema, { mustFail: ['Get Hello'], why: 'w' });
    expect(badId.ok ? [] : badId.problems).toEqual([{ field: 'mustFail[0]', message: 'must be a check id in kebab-case (e.g. "get-health") (got "Get Hello")' }]);
  });

  it('lets an alternative say why, or nothing at all', () => {
    expect(parseWith(alternativeFileSchema, {})).toEqual({ ok: true, value: {} });
    expect(parseWith(alternativeFileSchema, { why: 'Uses a Router.' })).toEqual({ ok: true, value: { why: 'Uses a Router.' } });
  });
});
