import { describe, expect, it } from 'vitest';
import { agentPlugin } from './vite-plugin-agent.ts';

describe('virtual:agent', () => {
  it('exports the bundled agent, its checks worker, the two preloads and the template package.json, and watches their sources', async () => {
    const plugin = agentPlugin();
    const resolveId = plugin.resolveId as (id: string) => string | undefined;
    const load = plugin.load as (this: { addWatchFile(file: string): void }, id: string) => Promise<string | undefined>;
    const id = resolveId('virtual:agent');
    expect(id).toBe('\0virtual:agent');
    expect(resolveId('virtual:other')).toBeUndefined();
    const watched: string[] = [];
    const code = await load.call({ addWatchFile: (file) => watched.push(file) }, id!);
    const runtimeFiles = JSON.parse(code!.replace(/^export const runtimeFiles = /, '').replace(/;$/, '')) as Record<string, string>;
    expect(Object.keys(runtimeFiles).sort()).toEqual(['.agent/agent.mjs', '.agent/check-worker.mjs', '.agent/msw-preload.cjs', '.agent/server-preload.cjs', 'package.json']);
    expect(runtimeFiles['.agent/agent.mjs']).toMatch(/from "sql\.js"|import\("sql\.js"\)/);
    // The preloads are CommonJS (`node --require`); only the MSW one loads msw.
    expect(runtimeFiles['.agent/msw-preload.cjs']).toContain('require("msw/node")');
    expect(runtimeFiles['.agent/server-preload.cjs']).not.toContain('msw');
    expect(JSON.parse(runtimeFiles['package.json']!)).toMatchObject({ type: 'module' });
    expect(watched.some((file) => file.endsWith('src/agent/main.ts'))).toBe(true);
    expect(watched.some((file) => file.endsWith('src/agent/clock-preload.ts'))).toBe(true);
  });
});
