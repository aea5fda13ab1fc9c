import { describe, expect, it } from 'vitest';
import { compareResults, hasTopLevelOrderBy, renderTable } from './sql-compare.ts';

const unordered = { ordered: false, columnNames: true };
const ordered = { ordered: true, columnNames: true };

describe('compareResults', () => {
  const reference = { columns: ['name', 'total'], rows: [['Ann', 3], ['Bob', null], ['Cy', 1.5]] };

  it('treats rows as unordered unless asked, and numbers and NULLs by value', () => {
    const shuffled = { columns: ['NAME', 'Total'], rows: [['Cy', 1.5], ['Ann', 3.0], ['Bob', null]] };
    expect(compareResults(shuffled, reference, unordered)).toBeUndefined();
    expect(compareResults({ columns: ['n'], rows: [[1]] }, { columns: ['n'], rows: [[1.0]] }, unordered)).toBeUndefined();
    expect(compareResults({ columns: ['avg'], rows: [[0.1 + 0.2]] }, { columns: ['avg'], rows: [[0.3]] }, unordered)).toBeUndefined();
  });

  it('does not confuse NULL with 0 or an empty string', () => {
    expect(compareResults({ columns: ['n'], rows: [[0]] }, { columns: ['n'], rows: [[null]] }, unordered)?.message).toBe('Both return 1 row, but they differ. Missing: (NULL). Unexpected: (0).');
    expect(compareResults({ columns: ['n'], rows: [['']] }, { columns: ['n'], rows: [[null]] }, unordered)).toBeDefined();
  });

  it('compares in order when the reference sorts', () => {
    const reversed = { columns: ['name', 'total'], rows: [...reference.rows].reverse() };
    expect(compareResults(reversed, reference, ordered)?.message).toBe("Row 1 differs: expected ('Ann', 3), got ('Cy', 1.5). (Rows are compared in order because the reference sorts them.)");
  });

  it('reports row counts and the first missing and unexpected rows', () => {
    const mismatch = compareResults({ columns: ['name', 'total'], rows: [['Ann', 3], ['Dee', 2]] }, reference, unordered);
    expect(mismatch?.message).toBe("Your query returns 2 rows; the reference returns 3 rows. Missing: ('Bob', NULL), ('Cy', 1.5). Unexpected: ('Dee', 2).");
    expect(mismatch?.expected).toBe("name | total\n'Ann' | 3\n'Bob' | NULL\n'Cy' | 1.5");
    expect(mismatch?.actual).toBe("name | total\n'Ann' | 3\n'Dee' | 2");
  });

  it('counts duplicates', () => {
    expect(compareResults({ columns: ['n'], rows: [[1], [1]] }, { columns: ['n'], rows: [[1]] }, unordered)?.message).toBe('Your query returns 2 rows; the reference returns 1 row. Unexpected: (1).');
  });

  it('compares column names case-insensitively, and only when asked', () => {
    const renamed = { columns: ['customer', 'total'], rows: reference.rows };
    expect(compareResults(renamed, reference, unordered)?.message).toBe('Column 1 is named "customer"; expected "name" (use AS to name it).');
    expect(compareResults(renamed, reference, { ordered: false, columnNames: false })).toBeUndefined();
    expect(compareResults({ columns: ['name'], rows: [['Ann']] }, reference, unordered)?.message).toBe('Your query returns 1 column (name); expected 2 columns (name, total).');
  });

  it('handles a script with no result-returning statement', () => {
    expect(compareResults(undefined, undefined, unordered)).toBeUndefined();
    expect(compareResults(undefined, reference, unordered)?.message).toMatch(/^Your query returns 0 rows; the reference returns 3 rows\./);
    expect(renderTable({ columns: [], rows: [] })).toBe('(no columns)\n(no rows)');
  });
});

describe('hasTopLevelOrderBy', () => {
  it('finds an ORDER BY of the outer query only', () => {
    expect(hasTopLevelOrderBy('SELECT * FROM t ORDER BY a')).toBe(true);
    expect(hasTopLevelOrderBy('select *\nfrom t\norder\n  by a desc;')).toBe(true);
    expect(hasTopLevelOrderBy('SELECT * FROM (SELECT * FROM t ORDER BY a LIMIT 3)')).toBe(false);
    expect(hasTopLevelOrderBy("SELECT 'order by' AS x FROM t -- order by x")).toBe(false);
    expect(hasTopLevelOrderBy('SELECT * FROM t ORDER BY a; SELECT * FROM t')).toBe(false);
  });
});
