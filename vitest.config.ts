import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'tests/unit/**/*.test.ts', 'tests/support/**/*.test.ts', 'lessons/**/*.test.ts'],
    exclude: ['node_modules', 'dist', 'tests/e2e'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // One worker per core: most test files wait on child processes (agents, servers, the runner),
    // and vitest's default (cores − 1) runs them one at a time on a 2-core machine (190 s → 111 s).
    maxWorkers: availableParallelism(),
  },
});
