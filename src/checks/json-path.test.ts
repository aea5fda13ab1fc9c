import { describe, expect, it } from 'vitest';
import { describePath, lookupPath } from './json-path.ts';

describe('lookupPath', () => {
  const body = { items: [{ name: 'lamp', tags: ['a'] }, { name: 'desk' }], total: 0, note: null };

  it('walks objects and array indexes', () => {
    expect(lookupPath(body, 'items.1.name')).toEqual({ found: true, value: 'desk' });
    expect(lookupPath(body, 'items.0.tags.0')).toEqual({ found: true, value: 'a' });
  });

  it('counts negative indexes from the end', () => {
    expect(lookupPath(body, 'items.-1.name')).toEqual({ found: true, value: 'desk' });
  });

  it('returns the root for the empty path', () => {
    expect(lookupPath(body, '')).toEqual({ found: true, value: body });
  });

  it('finds falsy values and null', () => {
    expect(lookupPath(body, 'total')).toEqual({ found: true, value: 0 });
    expect(lookupPath(body, 'note')).toEqual({ found: true, value: null });
  });

  it('reports missing keys, out-of-range and non-numeric indexes, and paths through scalars', () => {
    expect(lookupPath(body, 'missing').found).toBe(false);
    expect(lookupPath(body, 'items.5').found).toBe(false);
    expect(lookupPath(body, 'items.first').found).toBe(false);
    expect(lookupPath(body, 'total.x').found).toBe(false);
    expect(lookupPath({ a: 1 }, 'toString').found).toBe(false);
  });

  it('describes paths for messages', () => {
    expect(describePath('')).toBe('the JSON body');
    expect(describePath('items.0')).toBe('the JSON body\'s "items.0"');
  });
});
