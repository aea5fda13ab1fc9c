import { readdir } from 'node:fs/promises';
import { afterAll, beforeAll, expect } from 'vitest';
import { describeRuntimeContract } from '../../../tests/support/runtime-contract.ts';
import { freePort } from '../../agent/free-port.ts';
import { startTestRunnerServer, type TestRunnerServer } from '../../../tests/support/test-runner-server.ts';

let runner: TestRunnerServer;
beforeAll(async () => {
  runner = await startTestRunnerServer();
});
afterAll(async () => {
  await runner.close();
});

describeRuntimeContract('local runner (real Node over a real WebSocket)', {
  create: () => runner.connect(),
  port: freePort,
  supportsServerReady: process.platform === 'linux',
  async expectCleanedUp() {
    // The server deletes the workspace right after killing the processes; give it a moment.
    await expect.poll(() => readdir(runner.workspacesDir), { timeout: 5000 }).toEqual([]);
  },
});
