import { describe, expect, it } from 'vitest';
import { asciiJson } from './ascii-json.ts';

describe('asciiJson', () => {
  it('escapes everything outside printable ASCII and still parses back to the same value', () => {
    const value = { message: 'Expected “ok” … got café 😀', control: '\u007f' };
    const text = asciiJson(value);
    expect(text).toMatch(/^[\x20-\x7e]*$/);
    expect(text).toContain('\\u2026');
    expect(text).toContain('\\ud83d\\ude00');
    expect(JSON.parse(text)).toEqual(value);
  });
});
