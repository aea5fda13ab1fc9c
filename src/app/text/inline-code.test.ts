import { describe, expect, it } from 'vitest';
import { splitInlineCode } from './inline-code.ts';

describe('splitInlineCode', () => {
  it('turns backticked spans into code and keeps the text around them', () => {
    expect(splitInlineCode('Call `res.json()` with `{ ok: true }`.')).toEqual([
      { text: 'Call ', code: false },
      { text: 'res.json()', code: true },
      { text: ' with ', code: false },
      { text: '{ ok: true }', code: true },
      { text: '.', code: false },
    ]);
  });

  it('lets a double-backtick span hold a backtick, and leaves an unpaired backtick as text', () => {
    expect(splitInlineCode('Quote with `` `x` `` please')).toEqual([
      { text: 'Quote with ', code: false },
      { text: '`x`', code: true },
      { text: ' please', code: false },
    ]);
    expect(splitInlineCode('a ` lone backtick')).toEqual([{ text: 'a ` lone backtick', code: false }]);
  });
});
