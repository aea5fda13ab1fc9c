/**
 * Test helper: a real http server on a free loopback port with the runner host mounted exactly
 * as the Vite plugin mounts it, plus a LocalRuntime factory that connects the way the app's page
 * does (session fetch, then the socket with the app's Origin and the token).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { LocalRuntime, type RunnerSocket } from '../../runtime/local-runtime.ts';
import { REPO_ROOT } from '../app-server.ts';
import { createRunnerHost, type RunnerHost, type RunnerHostOptions } from './runner-host.ts';

export interface TestRunnerServer {
  host: RunnerHost;
  server: Server;
  origin: string;
  port: number;
  /** Where this server's workspaces are created. */
  workspacesDir: string;
  connect(): Promise<LocalRuntime>;
  close(): Promise<void>;
}

export async function startTestRunnerServer(options: Partial<RunnerHostOptions> = {}, listenHost = '127.0.0.1'): Promise<TestRunnerServer> {
  const workspacesDir = await mkdtemp(join(tmpdir(), 'runner-test-'));
  const host = createRunnerHost({
    nodeModules: join(REPO_ROOT, 'node_modules'),
    template: { 'package.json': '{ "type": "module" }\n' },
    parentDir: workspacesDir,
    ...options,
  });
  const server = createServer((request, response) =>
    host.handleRequest(request, response, () => {
      response.statusCode = 404;
      response.end();
    }),
  );
  host.attach(server);
  await new Promise<void>((resolve) => server.listen(0, listenHost, resolve));
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    host,
    server,
    origin,
    port,
    workspacesDir,
    connect: () =>
      LocalRuntime.connect({
        baseUrl: origin,
        openSocket: (url, protocols) => new WebSocket(url, protocols, { origin }) as RunnerSocket,
      }),
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await host.close();
      await rm(workspacesDir, { recursive: true, force: true });
    },
  };
}
