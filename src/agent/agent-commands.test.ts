import { describe, expect, it } from 'vitest';
import { parseCommandLine } from './agent-commands.ts';

describe('parseCommandLine', () => {
  it('accepts well-formed commands', () => {
    expect(parseCommandLine('{"id":1,"type":"check","only":["a"]}')).toEqual({ ok: true, command: { id: 1, type: 'check', only: ['a'] } });
    expect(parseCommandLine('{"id":2,"type":"request","request":{"path":"/"}}').ok).toBe(true);
  });

  it('explains what is wrong with a bad line, keeping the id when there is one', () => {
    expect(parseCommandLine('{not json')).toEqual({ ok: false, id: -1, error: 'not a JSON command: "{not json"' });
    expect(parseCommandLine('[1]')).toEqual({ ok: false, id: -1, error: 'a command must be a JSON object' });
    expect(parseCommandLine('{"type":"status"}')).toEqual({ ok: false, id: -1, error: 'a command needs a numeric "id"' });
    expect(parseCommandLine('{"id":3,"type":"explode"}')).toMatchObject({ ok: false, id: 3, error: expect.stringContaining('unknown command type "explode"') });
    expect(parseCommandLine('{"id":4,"type":"request"}')).toEqual({ ok: false, id: 4, error: '"request" needs request.path (a string)' });
    expect(parseCommandLine('{"id":5,"type":"db"}')).toEqual({ ok: false, id: 5, error: '"db" needs a "path" (a string)' });
    expect(parseCommandLine('{"id":6,"type":"check","only":"a"}').ok).toBe(false);
  });
});
