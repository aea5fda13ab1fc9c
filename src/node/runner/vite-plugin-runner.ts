/**
 * Mounts the local runner (runner-host.ts) into Vite's dev server (`npm run dev`) and preview
 * server (`npm start`, the e2e tests): the middleware (headers, sign-in link, session endpoint)
 * first in line, the WebSocket on the http server's `upgrade` event next to — never instead of —
 * Vite's own HMR socket. Each server start mints its own token; once the server listens, the
 * sign-in link is written to a 0600 file and printed on a line of its own after Vite's URLs
 * (`npm start` prints it itself, see src/node/cli/start.ts). `plugin.api.signInUrl()` hands it
 * to code that started the server (the e2e harness, the bench).
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Connect, Logger, Plugin } from 'vite';
import { createRunnerHost, type RunnerHostOptions } from './runner-host.ts';
import { tokenFileDir, writeTokenFile } from './runner-credentials.ts';
import { prepareTemplateDependencies } from './template-dependencies.ts';

/** The template the workspaces start from, relative to the Vite root (the repo). */
const TEMPLATE_DIR = join('lessons', '_template');
export const RUNNER_PLUGIN_NAME = 'backend-playground:local-runner';
/** Vite's own sockets in the dev server (HMR and its reconnect ping). */
const VITE_SOCKET_PROTOCOLS = ['vite-hmr', 'vite-ping'];

export interface RunnerPluginApi {
  /** `http://localhost:PORT/?token=…` once the server listens. */
  signInUrl(): string | undefined;
  /** The 0600 file holding that link. */
  tokenFile(): string | undefined;
}

export interface RunnerPluginOptions extends Partial<RunnerHostOptions> {
  /** Where the link file goes; the user's runtime or cache folder by default. */
  tokenFileDir?: string;
}

const isViteSocket = (request: IncomingMessage) =>
  String(request.headers['sec-websocket-protocol'] ?? '')
    .split(',')
    .some((protocol) => VITE_SOCKET_PROTOCOLS.includes(protocol.trim()));

export function localRunnerPlugin(overrides: RunnerPluginOptions = {}): Plugin & { api: RunnerPluginApi } {
  let signInUrl: string | undefined;
  let tokenFile: string | undefined;

  function mount(root: string, middlewares: Connect.Server, httpServer: Server | null, https: boolean, dev: boolean, logger: Logger): void {
    // Middleware mode has no server of its own to hook; the runner needs one for its WebSocket.
    if (!httpServer) return;
    const { tokenFileDir: linkDir = tokenFileDir(), ...hostOptions } = overrides;
    const host = createRunnerHost({
      nodeModules: prepareTemplateDependencies(),
      readOnlyPaths: [root],
      template: { 'package.json': readFileSync(join(root, TEMPLATE_DIR, 'package.json'), 'utf8') },
      passUpgrade: dev ? isViteSocket : undefined,
      signInHint: () => `in the terminal that ran \`npm ${dev ? 'run dev' : 'start'}\`${tokenFile ? ` (also in ${tokenFile})` : ''}`,
      ...hostOptions,
    });
    middlewares.use((request, response, next) => host.handleRequest(request, response, next));
    host.attach(httpServer);
    httpServer.once('listening', () => {
      const { port } = httpServer.address() as AddressInfo;
      signInUrl = host.credentials.signInUrl(`${https ? 'https' : 'http'}://localhost:${port}`);
      try {
        const file = writeTokenFile(linkDir, port, signInUrl);
        tokenFile = file.path;
        process.once('exit', file.remove);
        httpServer.once('close', () => {
          process.off('exit', file.remove);
          file.remove();
        });
      } catch (error) {
        logger.warn(`Local runner: could not write the sign-in link to ${linkDir}: ${String(error)}`);
      }
    });
  }

  /** Vite prints its URLs; the sign-in link follows on a line of its own, for people and scripts. */
  function printAfter(server: { printUrls(): void; config: { logger: Logger } }): void {
    const printUrls = server.printUrls.bind(server);
    server.printUrls = () => {
      printUrls();
      if (!signInUrl) return;
      server.config.logger.info('\n  Local runner: open this link (it carries this start’s token):');
      server.config.logger.info(signInUrl);
    };
  }

  return {
    name: RUNNER_PLUGIN_NAME,
    api: {
      signInUrl: () => signInUrl,
      tokenFile: () => tokenFile,
    },
    configureServer(server) {
      // Vite types the dev server as http | http2; the runner only speaks HTTP/1.1 upgrades.
      mount(server.config.root, server.middlewares, server.httpServer as Server | null, Boolean(server.config.server.https), true, server.config.logger);
      printAfter(server);
    },
    configurePreviewServer(server) {
      mount(server.config.root, server.middlewares, server.httpServer as Server | null, Boolean(server.config.preview.https), false, server.config.logger);
      printAfter(server);
    },
  };
}
