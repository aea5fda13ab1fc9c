import { describe, expect, it } from 'vitest';
import { ServerOutputBuffer } from './server-output-buffer.ts';

describe('ServerOutputBuffer', () => {
  it('quotes only the current run in crash reports, while checks still read by position', () => {
    const buffer = new ServerOutputBuffer();
    buffer.append('SyntaxError: Unexpected token )\n');
    const mark = buffer.mark();
    buffer.beginRun();
    buffer.append('Error: boom\n    at server.js:1:7\n');
    expect(buffer.tail()).toBe('Error: boom\n    at server.js:1:7');
    expect(buffer.tail()).not.toContain('SyntaxError');
    expect(buffer.since(mark)).toBe('Error: boom\n    at server.js:1:7\n');
    buffer.beginRun();
    expect(buffer.tail()).toBe('');
  });
});
