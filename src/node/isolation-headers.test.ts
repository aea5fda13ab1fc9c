import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { APP_HEADERS } from './isolation-headers.ts';

describe('app headers (isolation and framing)', () => {
  it('public/_headers (static hosting) sends exactly the headers the dev and preview servers send', () => {
    const file = readFileSync(new URL('../../public/_headers', import.meta.url), 'utf8');
    const sent = Object.fromEntries(
      file
        .split('\n')
        .filter((line) => /^\s+[\w-]+:/.test(line))
        .map((line) => line.trim().split(/:\s*/, 2) as [string, string]),
    );
    expect(sent).toEqual(APP_HEADERS);
  });
});
