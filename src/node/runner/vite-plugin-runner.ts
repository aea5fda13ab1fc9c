/**
 * Mounts the local runner (runner-host.ts) into Vite's dev server (`npm run dev`) and preview
 * server (`npm start`, the e2e tests): the session endpoint as a middleware, the WebSocket on
 * the http server's `upgrade` event next to — never instead of — Vite's own HMR socket.
 * Each server start mints its own token.
 */
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Connect, Plugin } from 'vite';
import { createRunnerHost, type RunnerHostOptions } from './runner-host.ts';

/** The template the workspaces start from, relative to the Vite root (the repo). */
const TEMPLATE_DIR = join('lessons', '_template');

function mount(root: string, middlewares: Connect.Server, httpServer: Server | null, overrides: Partial<RunnerHostOptions>): void {
  // Middleware mode has no server of its own to hook; the runner needs one for its WebSocket.
  if (!httpServer) return;
  const host = createRunnerHost({
    nodeModules: join(root, 'node_modules'),
    template: { 'package.json': readFileSync(join(root, TEMPLATE_DIR, 'package.json'), 'utf8') },
    ...overrides,
  });
  middlewares.use((request, response, next) => host.handleRequest(request, response, next));
  host.attach(httpServer);
}

export function localRunnerPlugin(overrides: Partial<RunnerHostOptions> = {}): Plugin {
  return {
    name: 'backend-playground:local-runner',
    configureServer(server) {
      // Vite types the dev server as http | http2; the runner only speaks HTTP/1.1 upgrades.
      mount(server.config.root, server.middlewares, server.httpServer as Server | null, overrides);
    },
    configurePreviewServer(server) {
      mount(server.config.root, server.middlewares, server.httpServer as Server | null, overrides);
    },
  };
}
