import { defineConfig } from 'vite';
import { APP_HEADERS } from './src/node/isolation-headers.ts';
import { localRunnerPlugin } from './src/node/runner/vite-plugin-runner.ts';
import { monacoTypesPlugin } from './src/node/vite-plugin-monaco-types.ts';
import { lessonsPlugin } from './src/node/vite-plugin-lessons.ts';
import { agentPlugin } from './src/node/vite-plugin-agent.ts';
import { webcontainerDepsPlugin } from './src/node/vite-plugin-webcontainer-deps.ts';

export default defineConfig({
  plugins: [monacoTypesPlugin(), lessonsPlugin(), localRunnerPlugin(), agentPlugin(), webcontainerDepsPlugin()],
  oxc: {
    jsx: { runtime: 'automatic', importSource: 'preact' },
  },
  server: { headers: APP_HEADERS },
  preview: { headers: APP_HEADERS },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: true,
    // Monaco's own chunk is ~3.6 MB; it loads lazily when a lesson opens, never on first load
    // (`npm run bench` reports the first-load JavaScript), so the size warning is noise.
    chunkSizeWarningLimit: 4096,
    rolldownOptions: {
      // The timing report is for plugin authors; `npm start` users only need errors.
      checks: { bundlerTimings: false },
    },
  },
});
