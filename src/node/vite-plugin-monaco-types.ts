/**
 * `virtual:monaco-types`: the type definitions of the lesson template's libraries (express
 * and its @types dependencies, sql.js, and the parts of @types/node they and learners use),
 * so Monaco's JavaScript IntelliSense knows `app.get`, `res.json`, `initSqlJs`, `process.env`.
 * Read from root node_modules at build time; the app imports the module lazily with Monaco,
 * so none of it is in the first load.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

const MODULE_ID = 'virtual:monaco-types';
const RESOLVED_ID = `\0${MODULE_ID}`;

/** @types packages shipped whole (their index.d.ts), as `file:///node_modules/@types/<name>/index.d.ts`. */
const TYPE_PACKAGES = [
  'express',
  'express-serve-static-core',
  'serve-static',
  'body-parser',
  'connect',
  'qs',
  'range-parser',
  'send',
  'mime',
  'http-errors',
  'sql.js',
  'emscripten',
];

/**
 * The @types/node files those packages import plus what learner servers touch (process.env,
 * Buffer, fs for writing a SQLite file, timers). All of @types/node is 2.4 MB; this is a third.
 */
const NODE_FILES = [
  'compatibility/disposable.d.ts',
  'compatibility/indexable.d.ts',
  'compatibility/iterators.d.ts',
  'globals.typedarray.d.ts',
  'buffer.buffer.d.ts',
  'globals.d.ts',
  'web-globals/abortcontroller.d.ts',
  'web-globals/domexception.d.ts',
  'web-globals/events.d.ts',
  'web-globals/fetch.d.ts',
  'buffer.d.ts',
  'console.d.ts',
  'events.d.ts',
  'fs.d.ts',
  'fs/promises.d.ts',
  'http.d.ts',
  'net.d.ts',
  'path.d.ts',
  'process.d.ts',
  'stream.d.ts',
  'timers.d.ts',
  'url.d.ts',
];

export interface TypeLib {
  /** A `file:///node_modules/...` path so the TS worker resolves `import ... from 'express'`. */
  path: string;
  content: string;
}

export function collectTypeLibs(root: string): TypeLib[] {
  const require = createRequire(join(root, 'package.json'));
  const typesDir = (name: string) => dirname(require.resolve(`@types/${name}/package.json`));
  const libs: TypeLib[] = [];
  for (const name of TYPE_PACKAGES) {
    let dir: string;
    try {
      dir = typesDir(name);
    } catch {
      continue; // an optional transitive @types package (e.g. mime) that this install does not have
    }
    libs.push({ path: `file:///node_modules/@types/${name}/index.d.ts`, content: readFileSync(join(dir, 'index.d.ts'), 'utf8') });
  }
  const nodeDir = typesDir('node');
  for (const file of NODE_FILES) {
    libs.push({ path: `file:///node_modules/@types/node/${file}`, content: readFileSync(join(nodeDir, file), 'utf8') });
  }
  return libs;
}

export function monacoTypesPlugin(): Plugin {
  let root = process.cwd();
  return {
    name: 'playground:monaco-types',
    configResolved(config) {
      root = config.root;
    },
    resolveId(id) {
      return id === MODULE_ID ? RESOLVED_ID : undefined;
    },
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      return `export default ${JSON.stringify(collectTypeLibs(root))};`;
    },
  };
}
