/**
 * Bundles the agent into the scripts every workspace carries: the agent and its checks worker
 * (ES modules) and the two preloads for the learner's server (CommonJS, loaded with
 * `node --require`, which every Node version supports). sql.js and msw stay external: inside a
 * workspace they resolve from its node_modules, the lesson template's dependencies.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions, type OutputFile } from 'esbuild';
import { AGENT_SCRIPT, CHECK_WORKER_SCRIPT, MSW_PRELOAD_SCRIPT, SERVER_PRELOAD_SCRIPT } from '../agent/workspace-paths.ts';

const source = (path: string): string => fileURLToPath(new URL(`../agent/${path}`, import.meta.url));
const TEMPLATE_PACKAGE = fileURLToPath(new URL('../../lessons/_template/package.json', import.meta.url));

export interface AgentBundle {
  /** The `runtimeFiles` of `virtual:agent`: workspace path → text (agent scripts, the template's package.json). */
  files: Record<string, string>;
  /** Absolute paths of every source file bundled, for watchers. */
  inputs: string[];
}

/** Bundles `entryPoints` in one format: each entry's text by name, and the source files read. */
async function bundle(format: 'esm' | 'cjs', entryPoints: Record<string, string>): Promise<{ text(name: string): string; inputs: string[] }> {
  const result = await build({ entryPoints, format, bundle: true, write: false, outdir: 'out', platform: 'node', target: 'node18', external: ['sql.js', 'msw', 'msw/node'], metafile: true, logLevel: 'silent' } satisfies BuildOptions);
  const byName = (name: string): OutputFile | undefined => result.outputFiles.find((output) => output.path.endsWith(`/${name}.js`));
  return {
    text(name) {
      const file = byName(name);
      if (!file) throw new Error(`esbuild produced no ${name}.js`);
      return file.text;
    },
    inputs: Object.keys(result.metafile.inputs).map((input) => resolve(input)),
  };
}

export async function bundleAgent(): Promise<AgentBundle> {
  const [modules, preloads] = await Promise.all([
    bundle('esm', { agent: source('main.ts'), 'check-worker': source('check-worker.ts') }),
    bundle('cjs', { 'server-preload': source('server-preload.ts'), 'msw-preload': source('msw-preload.ts') }),
  ]);
  return {
    files: {
      [AGENT_SCRIPT]: modules.text('agent'),
      [CHECK_WORKER_SCRIPT]: modules.text('check-worker'),
      [SERVER_PRELOAD_SCRIPT]: preloads.text('server-preload'),
      [MSW_PRELOAD_SCRIPT]: preloads.text('msw-preload'),
      'package.json': await readFile(TEMPLATE_PACKAGE, 'utf8'),
    },
    inputs: [...new Set([...modules.inputs, ...preloads.inputs]), TEMPLATE_PACKAGE],
  };
}
