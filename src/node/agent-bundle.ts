/**
 * Bundles the agent and the MSW preload into the two scripts every workspace carries
 * (`.agent/agent.mjs`, `.agent/msw-preload.mjs`). sql.js and msw stay external: inside a
 * workspace they resolve from its node_modules, the lesson template's dependencies.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { AGENT_SCRIPT, PRELOAD_SCRIPT } from '../agent/workspace-paths.ts';

const AGENT_ENTRY = fileURLToPath(new URL('../agent/main.ts', import.meta.url));
const PRELOAD_ENTRY = fileURLToPath(new URL('../agent/msw-preload.ts', import.meta.url));
const TEMPLATE_PACKAGE = fileURLToPath(new URL('../../lessons/_template/package.json', import.meta.url));

export interface AgentBundle {
  /** The `runtimeFiles` of `virtual:agent`: workspace path → text (agent scripts, the template's package.json). */
  files: Record<string, string>;
  /** Absolute paths of every source file bundled, for watchers. */
  inputs: string[];
}

export async function bundleAgent(): Promise<AgentBundle> {
  const result = await build({
    entryPoints: { agent: AGENT_ENTRY, 'msw-preload': PRELOAD_ENTRY },
    bundle: true,
    write: false,
    outdir: 'out',
    platform: 'node',
    format: 'esm',
    target: 'node18',
    external: ['sql.js', 'msw', 'msw/node'],
    metafile: true,
    logLevel: 'silent',
  });
  const text = (name: string): string => {
    const file = result.outputFiles.find((output) => output.path.endsWith(`${name}.js`));
    if (!file) throw new Error(`esbuild produced no ${name}.js`);
    return file.text;
  };
  return {
    files: { [AGENT_SCRIPT]: text('agent'), [PRELOAD_SCRIPT]: text('msw-preload'), 'package.json': await readFile(TEMPLATE_PACKAGE, 'utf8') },
    inputs: [...Object.keys(result.metafile.inputs).map((input) => resolve(input)), TEMPLATE_PACKAGE],
  };
}
