import { describe, expect, it } from 'vitest';
import { codeLanguage, maskJavaScript, maskSql } from './code-mask.ts';

describe('maskJavaScript', () => {
  it('blanks line and block comments, keeping every position', () => {
    const code = "const a = 1; // was: ' + id + '\n/* old:\n   db.prepare(sql + id) */ run(a);";
    const masked = maskJavaScript(code);
    expect(masked).toHaveLength(code.length);
    expect(masked.split('\n').map((line) => line.trimEnd())).toEqual(['const a = 1;', '', '                           run(a);']);
  });

  it('does not take // or /* inside strings, template literals or regular expressions for a comment', () => {
    const code = "const url = 'http://x.test'; const t = `a // b ${c /* in code */} /* d */`; const re = /\\/\\/ [/*]/g; x = 4 / 2; // gone";
    const masked = maskJavaScript(code);
    expect(masked).toContain("'http://x.test'");
    expect(masked).toContain('`a // b ${c              } /* d */`');
    expect(masked).toContain('/\\/\\/ [/*]/g');
    expect(masked).toContain('x = 4 / 2;');
    expect(masked).not.toContain('gone');
  });

  it('blanks string contents only when asked, keeping the code inside ${…}', () => {
    const code = 'db.all(`SELECT * FROM t WHERE id = ${id}`, "a \\" b", \'c\')';
    expect(maskJavaScript(code)).toBe(code);
    expect(maskJavaScript(code, { strings: true })).toBe(`db.all(\`${' '.repeat('SELECT * FROM t WHERE id = '.length)}\${id}\`, "      ", ' ')`);
  });
});

describe('maskSql', () => {
  it('blanks -- and /* */ comments, and string contents when asked', () => {
    const sql = "SELECT name -- ORDER BY name\nFROM t /* WHERE x */ WHERE a = 'it''s -- no comment'";
    expect(maskSql(sql)).toBe("SELECT name                 \nFROM t               WHERE a = 'it''s -- no comment'");
    expect(maskSql(sql, { strings: true })).toBe("SELECT name                 \nFROM t               WHERE a = '                   '");
  });
});

describe('codeLanguage', () => {
  it('knows JavaScript, TypeScript and SQL files by their extension', () => {
    expect(['server.js', 'a.mjs', 'b.cts', 'c.tsx', 'query.sql', 'notes.md'].map(codeLanguage)).toEqual(['javascript', 'javascript', 'javascript', 'javascript', 'sql', undefined]);
  });
});
