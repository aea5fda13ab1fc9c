/**
 * The local runner host: real Node on the machine that serves the app, reached by the page over
 * a WebSocket (protocol: src/runtime/local-protocol.ts). It executes code, so it is guarded like
 * Jupyter's server (src/node/runner/guards.ts): loopback peers only, the app's own Origin, a
 * token minted here at start and handed only to the app's own page. It caps the number of open
 * workspaces and the message size, and cleans up every process and workspace when a tab closes
 * or the server stops.
 *
 * Framework-free on purpose: `handleRequest` is a connect-style middleware and `attach` hooks an
 * http(s) server's `upgrade` event, so the Vite plugin (vite-plugin-runner.ts) and the tests use
 * the very same code.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  LOCAL_RUNNER_MAX_MESSAGE_BYTES,
  LOCAL_RUNNER_PROTOCOL_VERSION,
  LOCAL_RUNNER_SESSION_PATH,
  LOCAL_RUNNER_SOCKET_PATH,
  LOCAL_RUNNER_SUBPROTOCOL,
  RUNNER_CLOSE_TOO_MANY,
  type RunnerSession,
} from '../../runtime/local-protocol.ts';
import { sessionRequestProblem, upgradeRequestProblem } from './guards.ts';
import { RunnerConnection } from './runner-connection.ts';
import { Workspace, type WorkspaceOptions } from './workspace.ts';

export const DEFAULT_MAX_WORKSPACES = 8;
const CORS_HEADERS = ['Access-Control-Allow-Origin', 'Access-Control-Allow-Credentials', 'Access-Control-Expose-Headers'];

export interface RunnerHostOptions extends WorkspaceOptions {
  maxWorkspaces?: number;
  maxMessageBytes?: number;
}

export interface RunnerHost {
  /** Connect-style middleware answering `GET /__runner/session`; calls `next` for anything else. */
  handleRequest(request: IncomingMessage, response: ServerResponse, next: () => void): void;
  /** Handles an upgrade to the runner's socket path; returns false (socket untouched) for other paths, e.g. Vite's HMR. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  /** Hooks `server`'s upgrade event, and closes the host when the server closes. */
  attach(server: Server): void;
  /** Number of workspaces open (or being created) right now. */
  readonly openWorkspaces: number;
  /** Closes every connection, kills every process tree and deletes every workspace. */
  close(): Promise<void>;
}

function pathOf(request: IncomingMessage): string {
  return new URL(request.url ?? '/', 'http://runner.invalid').pathname;
}

function refuseUpgrade(socket: Duplex, reason: string): void {
  const body = `Local runner: refused, ${reason}.\n`;
  socket.end(`HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
}

export function createRunnerHost(options: RunnerHostOptions): RunnerHost {
  const token = randomBytes(32).toString('hex');
  const maxWorkspaces = options.maxWorkspaces ?? DEFAULT_MAX_WORKSPACES;
  const connections = new Set<RunnerConnection>();
  let opening = 0;
  let closed = false;
  const sockets = new Set<WebSocket>();

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: options.maxMessageBytes ?? LOCAL_RUNNER_MAX_MESSAGE_BYTES,
    perMessageDeflate: false,
    handleProtocols: (protocols) => (protocols.has(LOCAL_RUNNER_SUBPROTOCOL) ? LOCAL_RUNNER_SUBPROTOCOL : false),
  });

  const killEverythingNow = () => {
    for (const connection of connections) connection.disposeSync();
  };
  process.once('exit', killEverythingNow);

  async function open(socket: WebSocket): Promise<void> {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    // A socket error (e.g. a message over maxPayload) closes that socket; the server carries on.
    socket.on('error', () => socket.terminate());
    if (closed || connections.size + opening >= maxWorkspaces) {
      const reason = `Too many open workspaces (${maxWorkspaces}) on this server; close another playground tab and reload.`;
      socket.send(JSON.stringify({ type: 'error', error: reason }));
      socket.close(RUNNER_CLOSE_TOO_MANY, reason);
      return;
    }
    opening++;
    let workspace: Workspace;
    try {
      workspace = await Workspace.create(options);
    } catch (error) {
      socket.close(1011, `Could not create a workspace: ${error instanceof Error ? error.message : String(error)}`.slice(0, 120));
      return;
    } finally {
      opening--;
    }
    if (socket.readyState !== socket.OPEN) {
      await workspace.dispose();
      return;
    }
    const connection = new RunnerConnection(socket, workspace);
    connections.add(connection);
    void connection.closed.then(() => connections.delete(connection));
  }

  const host: RunnerHost = {
    handleRequest(request, response, next) {
      if (pathOf(request) !== LOCAL_RUNNER_SESSION_PATH) return next();
      const problem = request.method === 'GET' ? sessionRequestProblem(request) : `${request.method ?? ''} is not GET`;
      // Vite's CORS middleware may already have allowed localhost origins; this endpoint allows none.
      for (const header of CORS_HEADERS) response.removeHeader(header);
      response.setHeader('Cache-Control', 'no-store');
      response.setHeader('X-Content-Type-Options', 'nosniff');
      response.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
      if (problem) {
        response.statusCode = 403;
        response.setHeader('Content-Type', 'text/plain; charset=utf-8');
        response.end(`Local runner: refused, ${problem}.\n`);
        return;
      }
      const session: RunnerSession = { protocol: LOCAL_RUNNER_PROTOCOL_VERSION, token, socketPath: LOCAL_RUNNER_SOCKET_PATH };
      response.setHeader('Content-Type', 'application/json');
      response.end(JSON.stringify(session));
    },

    handleUpgrade(request, socket, head) {
      if (pathOf(request) !== LOCAL_RUNNER_SOCKET_PATH) return false;
      const problem = closed ? 'the server is shutting down' : upgradeRequestProblem(request, token);
      if (problem) refuseUpgrade(socket, problem);
      else wss.handleUpgrade(request, socket, head, (webSocket) => void open(webSocket));
      return true;
    },

    attach(server) {
      server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => host.handleUpgrade(request, socket, head));
      server.once('close', () => void host.close());
    },

    get openWorkspaces() {
      return connections.size + opening;
    },

    async close() {
      if (closed) return;
      closed = true;
      const closing = [...connections].map((connection) => connection.closed);
      for (const socket of sockets) socket.terminate();
      await Promise.all(closing);
      wss.close();
      process.off('exit', killEverythingNow);
    },
  };
  return host;
}
