import { describe, expect, it } from 'vitest';
import { lineDiff } from './line-diff.ts';

describe('lineDiff', () => {
  it('keeps shared lines and marks what differs', () => {
    const diff = lineDiff('{\n  "message": "Hello, world!"\n}', '{\n  "message": "Hello"\n}');
    expect(diff).toEqual([
      { kind: 'same', text: '{' },
      { kind: 'expected', text: '  "message": "Hello, world!"' },
      { kind: 'actual', text: '  "message": "Hello"' },
      { kind: 'same', text: '}' },
    ]);
  });

  it('shows identical text as all shared', () => {
    expect(lineDiff('a\nb', 'a\nb').every((line) => line.kind === 'same')).toBe(true);
  });

  it('handles one side empty', () => {
    expect(lineDiff('', 'x')).toEqual([
      { kind: 'expected', text: '' },
      { kind: 'actual', text: 'x' },
    ]);
  });
});
