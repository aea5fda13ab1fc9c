import { defineConfig } from 'vite';
import { ISOLATION_HEADERS } from './src/node/isolation-headers.ts';

export default defineConfig({
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
