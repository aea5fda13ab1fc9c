/**
 * Test helper: a real http server on a free loopback port with the runner host mounted exactly
 * as the Vite plugin mounts it, plus a LocalRuntime factory that connects the way the app's page
 * does after the learner opened the printed link: sign in with the token (which sets the
 * cookie), then the session fetch and the socket, both carrying the cookie and the app's Origin.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, get, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { LocalRuntime, type LocalRuntimeOptions, type RunnerSocket } from '../../src/runtime/local-runtime.ts';
import { REPO_ROOT } from '../../src/node/app-server.ts';
import { createRunnerHost, type RunnerHost, type RunnerHostOptions } from '../../src/node/runner/runner-host.ts';
import { prepareTemplateDependencies } from '../../src/node/runner/template-dependencies.ts';

export interface TestRunnerServer {
  host: RunnerHost;
  server: Server;
  origin: string;
  port: number;
  /** Where this server's workspaces are created. */
  workspacesDir: string;
  /** Opens the sign-in link; resolves with the `Cookie` header value it set. */
  signIn(): Promise<string>;
  connect(): Promise<LocalRuntime>;
  close(): Promise<void>;
}

/** GET `url` with node:http (no cookie jar, no redirects followed); resolves with status and headers. */
export function rawGet(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) =>
    get(url, { headers }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    }).on('error', reject),
  );
}

/** How a signed-in page reaches the runner: every request and the socket carry `cookie` and `origin`. */
export function signedInOptions(origin: string, cookie: string): LocalRuntimeOptions {
  return {
    baseUrl: origin,
    fetch: (input, init) => fetch(input, { ...init, headers: { Cookie: cookie } }),
    openSocket: (url, protocols) => new WebSocket(url, protocols, { origin, headers: { Cookie: cookie } }) as RunnerSocket,
  };
}

export function signedInRuntime(origin: string, cookie: string): Promise<LocalRuntime> {
  return LocalRuntime.connect(signedInOptions(origin, cookie));
}

/** Signs in at `signInUrl` and returns the cookie, as `name=value`. */
export async function signInAt(signInUrl: string): Promise<string> {
  const response = await rawGet(signInUrl);
  const cookie = [response.headers['set-cookie'] ?? []].flat()[0];
  if (response.status !== 302 || !cookie) throw new Error(`Signing in at ${signInUrl} gave HTTP ${response.status} without a cookie.`);
  return cookie.split(';')[0] ?? '';
}

export async function startTestRunnerServer(options: Partial<RunnerHostOptions> = {}, listenHost = '127.0.0.1'): Promise<TestRunnerServer> {
  const workspacesDir = await mkdtemp(join(tmpdir(), 'runner-test-'));
  const host = createRunnerHost({
    nodeModules: prepareTemplateDependencies(),
    readOnlyPaths: [REPO_ROOT],
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
  const signIn = () => signInAt(host.credentials.signInUrl(origin));
  return {
    host,
    server,
    origin,
    port,
    workspacesDir,
    signIn,
    connect: async () => signedInRuntime(origin, await signIn()),
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await host.close();
      await rm(workspacesDir, { recursive: true, force: true });
    },
  };
}
