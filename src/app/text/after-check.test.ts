import { describe, expect, it } from 'vitest';
import { AFTER_CHECK_SELECTOR, afterCheckRevealed, openAfterCheckBlocks } from './after-check.ts';

describe('afterCheckRevealed', () => {
  it('stays folded before the first Check and while it runs, then opens for good', () => {
    expect(afterCheckRevealed(0, false)).toBe(false);
    expect(afterCheckRevealed(1, true)).toBe(false);
    expect(afterCheckRevealed(1, false)).toBe(true);
    expect(afterCheckRevealed(2, true)).toBe(true);
  });
});

describe('openAfterCheckBlocks', () => {
  it('opens what the after-check selector finds', () => {
    const blocks = [{ open: false }, { open: false }];
    const queried: string[] = [];
    // No DOM in unit tests: a stand-in that records the selector asked for.
    const root = { querySelectorAll: (selector: string) => (queried.push(selector), blocks) } as unknown as ParentNode;
    openAfterCheckBlocks(root);
    expect(queried).toEqual([AFTER_CHECK_SELECTOR]);
    expect(blocks).toEqual([{ open: true }, { open: true }]);
    expect(AFTER_CHECK_SELECTOR).toBe('details.after-check');
  });
});
