import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { collectTypeLibs } from './vite-plugin-monaco-types.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('collectTypeLibs', () => {
  const libs = collectTypeLibs(root);
  const byPath = new Map(libs.map((lib) => [lib.path, lib.content]));

  it('ships express and sql.js where module resolution looks for them', () => {
    expect(byPath.get('file:///node_modules/@types/express/index.d.ts')).toContain('declare function e()');
    expect(byPath.get('file:///node_modules/@types/sql.js/index.d.ts')).toContain('initSqlJs');
  });

  it('ships the node modules express imports', () => {
    expect(byPath.get('file:///node_modules/@types/node/http.d.ts')).toContain('declare module "http"');
  });

  it('stays well under all of @types/node', () => {
    const size = libs.reduce((sum, lib) => sum + lib.content.length, 0);
    expect(size).toBeLessThan(1_200_000);
  });
});
