/**
 * `virtual:agent`: the files every workspace needs besides the learner's (see
 * src/lessons/virtual-modules.d.ts), bundled from src/agent. In dev, editing the agent
 * re-bundles it on the next load.
 */
import type { Plugin } from 'vite';
import { bundleAgent } from './agent-bundle.ts';

const VIRTUAL_ID = 'virtual:agent';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

export function agentPlugin(): Plugin {
  return {
    name: 'playground-agent',
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : undefined;
    },
    async load(id) {
      if (id !== RESOLVED_ID) return undefined;
      const bundle = await bundleAgent();
      for (const input of bundle.inputs) this.addWatchFile(input);
      return `export const runtimeFiles = ${JSON.stringify(bundle.files)};`;
    },
  };
}
