import { describe, expect, it } from 'vitest';
import { errorText } from './error-text.ts';

describe('errorText', () => {
  it('keeps what went wrong from a Playwright error, without colours or call log', () => {
    const error = new Error("locator.click: Timeout 15000ms exceeded.\nCall log:\n\u001b[2m  - waiting for getByRole('button', { name: /^Run\\b/ })\u001b[22m\n");
    expect(errorText(error)).toBe('locator.click: Timeout 15000ms exceeded.');
  });

  it('joins a multi-line build error into one line and drops stack frames', () => {
    const error = new Error('Build failed with 1 error:\n\n[plugin playground-lessons]\nRolldownError: 1 lesson problem:\n  lessons/03-auth/track.md: field `prerequisites` is wrong\n    at error (file:///x.mjs:1:1)');
    expect(errorText(error)).toBe('Build failed with 1 error: [plugin playground-lessons] RolldownError: 1 lesson problem: lessons/03-auth/track.md: field `prerequisites` is wrong');
  });
});
