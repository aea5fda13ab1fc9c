import { defineConfig } from 'vite';
import { ISOLATION_HEADERS } from './src/node/isolation-headers.ts';
import { localRunnerPlugin } from './src/node/runner/vite-plugin-runner.ts';
import { monacoTypesPlugin } from './src/node/vite-plugin-monaco-types.ts';
import { lessonsPlugin } from './src/node/vite-plugin-lessons.ts';
import { agentPlugin } from './src/node/vite-plugin-agent.ts';

export default defineConfig({
  plugins: [monacoTypesPlugin(), lessonsPlugin(), localRunnerPlugin(), agentPlugin()],
  oxc: {
    jsx: { runtime: 'automatic', importSource: 'preact' },
  },
  server: { headers: ISOLATION_HEADERS },
  preview: { headers: ISOLATION_HEADERS },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: true,
  },
});
