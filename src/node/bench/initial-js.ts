/**
 * The JavaScript a learner downloads before the first lesson view: the module script(s) and
 * modulepreload links of `dist/index.html` plus everything they import statically, followed
 * by esbuild's parser through the built chunks (dynamic `import()` — Monaco, xterm, sql.js,
 * lesson contents — is lazy and left out). Sizes are gzip at zlib's default level, the same
 * number `vite build` prints.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'esbuild';

export interface ChunkSize {
  /** Relative to the dist folder, e.g. `assets/index-abc.js`. */
  file: string;
  bytes: number;
  gzipBytes: number;
  /** npm packages the chunk's source map names: what the bytes are made of. */
  packages: string[];
}

export interface InitialJs {
  files: ChunkSize[];
  totalGzipKb: number;
}

function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag)?.slice(1).find((value) => value !== undefined);
}

/** Module scripts and modulepreload links of an HTML page, as URLs relative to the page's root. */
export function initialScriptUrls(html: string): string[] {
  const urls = new Set<string>();
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = attribute(tag, 'src');
    if (src && attribute(tag, 'type') === 'module') urls.add(src);
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const href = attribute(tag, 'href');
    if (href && attribute(tag, 'rel')?.toLowerCase() === 'modulepreload') urls.add(href);
  }
  return [...urls];
}

/** `…/node_modules/@scope/name/…` and `…/node_modules/name/…` in source-map sources → package names (the innermost). */
export function packagesInSourceMap(sources: readonly string[]): string[] {
  const names = new Set<string>();
  for (const source of sources) {
    const path = source.replaceAll('\\', '/');
    const at = path.lastIndexOf('node_modules/');
    if (at < 0) continue;
    const name = /^((?:@[^/]+\/)?[^/]+)\//.exec(path.slice(at + 'node_modules/'.length))?.[1];
    if (name) names.add(name);
  }
  return [...names].sort();
}

/** Dynamic imports are lazy: never follow them. */
const leaveDynamicImportsOut: Plugin = {
  name: 'leave-dynamic-imports-out',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /.*/ }, (args) => (args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined));
  },
};

/** `/assets/x.js` or `./assets/x.js` → `assets/x.js`; `undefined` for another origin (not ours to count). */
function distPath(url: string): string | undefined {
  if (/^[a-z]+:/i.test(url) || url.startsWith('//')) return undefined;
  return url.split(/[?#]/)[0]!.replace(/^\.?\//, '');
}

export async function measureInitialJs(distDir: string): Promise<InitialJs> {
  const indexFile = join(distDir, 'index.html');
  if (!existsSync(indexFile)) throw new Error(`${indexFile} does not exist: build the app first (npm run build)`);
  const entries = initialScriptUrls(readFileSync(indexFile, 'utf8'))
    .map(distPath)
    .filter((path): path is string => path !== undefined);
  if (entries.length === 0) throw new Error(`${indexFile} has no <script type="module" src=…>: is it a Vite build?`);

  const result = await build({
    absWorkingDir: distDir,
    entryPoints: entries,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'esnext',
    outdir: join(distDir, '.initial-js-scan'),
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins: [leaveDynamicImportsOut],
  });

  const files = Object.keys(result.metafile.inputs)
    .filter((file) => /\.[cm]?js$/.test(file))
    .sort()
    .map((file): ChunkSize => {
      const content = readFileSync(join(distDir, file));
      const mapFile = join(distDir, `${file}.map`);
      const sources = existsSync(mapFile) ? ((JSON.parse(readFileSync(mapFile, 'utf8')) as { sources?: string[] }).sources ?? []) : [];
      return { file, bytes: content.length, gzipBytes: gzipSync(content).length, packages: packagesInSourceMap(sources) };
    });
  const totalGzipKb = files.reduce((sum, file) => sum + file.gzipBytes, 0) / 1024;
  return { files, totalGzipKb };
}
