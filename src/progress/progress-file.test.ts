import { describe, expect, it } from 'vitest';
import { buildProgressFile, parseProgressFile } from './progress-file.ts';

const lesson = { files: { 'server.js': 'app.listen()' }, openFile: 'server.js', cursor: { lineNumber: 3, column: 1 }, completed: true, attempts: 2, updatedAt: '2026-01-01T00:00:00.000Z' };

describe('parseProgressFile', () => {
  it('accepts what buildProgressFile writes', () => {
    const text = JSON.stringify(buildProgressFile({ 'apis/first-route': lesson }));
    const parsed = parseProgressFile(text);
    expect(parsed.ok && parsed.file.lessons['apis/first-route']).toEqual(lesson);
  });

  it('refuses text that is not JSON', () => {
    expect(parseProgressFile('hello')).toEqual({ ok: false, message: expect.stringContaining('not JSON') });
  });

  it('refuses another JSON document', () => {
    expect(parseProgressFile('{"name":"x"}')).toEqual({ ok: false, message: expect.stringContaining('not a Backend Playground progress file') });
  });

  it('refuses an unknown version, naming it', () => {
    const text = JSON.stringify({ ...buildProgressFile({}), version: 2 });
    expect(parseProgressFile(text)).toEqual({ ok: false, message: expect.stringContaining('version 2') });
  });

  it('names the field at fault in a damaged file', () => {
    const text = JSON.stringify(buildProgressFile({ 'apis/first-route': { ...lesson, attempts: 'many' } as never }));
    expect(parseProgressFile(text)).toEqual({ ok: false, message: expect.stringContaining('lessons.apis/first-route.attempts') });
  });
});
