/**
 * The local runner host: real Node on the machine that serves the app, reached by the page over
 * a WebSocket (protocol: src/runtime/local-protocol.ts). It executes code, so it is guarded like
 * Jupyter's server (guards.ts, runner-credentials.ts): loopback peers only, the app's own Host
 * and Origin, and a token that never travels over HTTP to the page — the printed link trades it
 * for an HttpOnly cookie. Every response it touches says it may only be framed by the app itself.
 * It caps open workspaces and message size, runs learner processes contained
 * (process-containment.ts), sweeps what an earlier run left, and cleans up every process and
 * workspace when a tab closes, the server stops, or the terminal goes away (SIGHUP).
 *
 * Framework-free on purpose: `handleRequest` is a connect-style middleware and `attach` hooks an
 * http(s) server's `upgrade` event, so the Vite plugin (vite-plugin-runner.ts) and the tests use
 * the very same code.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { constants } from 'node:os';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  LOCAL_RUNNER_MAX_MESSAGE_BYTES,
  LOCAL_RUNNER_PROTOCOL_VERSION,
  LOCAL_RUNNER_SESSION_PATH,
  LOCAL_RUNNER_SOCKET_PATH,
  LOCAL_RUNNER_SUBPROTOCOL,
  LOCAL_RUNNER_TOKEN_PARAM,
  RUNNER_CLOSE_TOO_MANY,
  type RunnerContainment,
  type RunnerSession,
  type RunnerSignIn,
} from '../../runtime/local-protocol.ts';
import { errorText } from '../../shared/error-text.ts';
import { APP_HEADERS } from '../isolation-headers.ts';
import { sessionRequestProblem, signInProblem, upgradeRequestProblem } from './guards.ts';
import { detectContainment, type Containment } from './process-containment.ts';
import { RunnerCredentials } from './runner-credentials.ts';
import { RunnerConnection } from './runner-connection.ts';
import { sweepStaleRunnerLeftovers } from './stale-sweep.ts';
import { Workspace, type WorkspaceOptions } from './workspace.ts';

const DEFAULT_MAX_WORKSPACES = 8;
const CORS_HEADERS = ['Access-Control-Allow-Origin', 'Access-Control-Allow-Credentials', 'Access-Control-Expose-Headers'];
const CLEANUP_SIGNALS: NodeJS.Signals[] = ['SIGHUP', 'SIGINT', 'SIGTERM'];

export interface RunnerHostOptions extends Omit<WorkspaceOptions, 'nodeModules'> {
  /** The read-only dependencies folder workspaces link to (template-dependencies.ts), or a promise of it. */
  nodeModules: string | Promise<string>;
  /** Folders bind-mounted read-only into the learner processes' namespace (besides nodeModules), e.g. the repo. */
  readOnlyPaths?: string[];
  maxWorkspaces?: number;
  maxMessageBytes?: number;
  /** 'process-group' skips the namespace probe (tests of the fallback). */
  containment?: RunnerContainment;
  /**
   * Lets other upgrade requests through for someone else to answer (Vite's HMR socket in the
   * dev server); every other upgrade on another path is refused rather than left hanging.
   */
  passUpgrade?: (request: IncomingMessage) => boolean;
  /** Where the sign-in link is (a sentence fragment such as "in the terminal that ran `npm start`"). */
  signInHint?: (request: IncomingMessage) => string;
}

export interface RunnerHost {
  readonly credentials: RunnerCredentials;
  /** Connect-style middleware: headers, the sign-in link and `GET /__runner/session`; calls `next` for anything else. */
  handleRequest(request: IncomingMessage, response: ServerResponse, next: () => void): void;
  /** Handles an upgrade request; returns false (socket untouched) for ones `passUpgrade` lets through. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  /** Hooks `server`'s upgrade event, and closes the host when the server closes. */
  attach(server: Server): void;
  /** Number of workspaces open (or being created) right now. */
  readonly openWorkspaces: number;
  /** How learner processes are contained (decided once, when the first workspace opens). */
  containment(): Promise<RunnerContainment>;
  /** Closes every connection, kills every process tree and deletes every workspace. */
  close(): Promise<void>;
}

function pathOf(request: IncomingMessage): string {
  return new URL(request.url ?? '/', 'http://runner.invalid').pathname;
}

function refuseUpgrade(socket: Duplex, status: string, reason: string): void {
  const body = `Local runner: refused, ${reason}.\n`;
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
}

function answer(response: ServerResponse, status: number, body: RunnerSession | RunnerSignIn | string): void {
  response.statusCode = status;
  response.setHeader('Content-Type', typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json');
  response.end(typeof body === 'string' ? body : JSON.stringify(body));
}

/** The URL without the token, for the redirect after a sign-in (the token must not stay in the address bar). */
function withoutToken(request: IncomingMessage): string {
  const url = new URL(request.url ?? '/', 'http://runner.invalid');
  url.searchParams.delete(LOCAL_RUNNER_TOKEN_PARAM);
  return `${url.pathname}${url.search}`;
}

export function createRunnerHost(options: RunnerHostOptions): RunnerHost {
  const credentials = new RunnerCredentials();
  const maxWorkspaces = options.maxWorkspaces ?? DEFAULT_MAX_WORKSPACES;
  const connections = new Set<RunnerConnection>();
  let opening = 0;
  let closed = false;
  const sockets = new Set<WebSocket>();
  const signInHint = options.signInHint ?? (() => 'in the terminal that started the server');

  // Before anything is created: sweep what an earlier run left, then settle dependencies and containment.
  const ready = (async () => {
    const swept = await sweepStaleRunnerLeftovers(options.parentDir);
    if (swept.processes + swept.workspaces > 0) {
      console.warn(`Local runner: cleaned up ${swept.processes} process(es) and ${swept.workspaces} workspace(s) left by an earlier run.`);
    }
    const nodeModules = await options.nodeModules;
    const containment: Containment = detectContainment([nodeModules, ...(options.readOnlyPaths ?? [])], options.containment);
    return { nodeModules, containment };
  })();
  // A failure is reported to each tab that asks for a workspace, not as an unhandled rejection.
  ready.catch(() => {});

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: options.maxMessageBytes ?? LOCAL_RUNNER_MAX_MESSAGE_BYTES,
    perMessageDeflate: false,
    handleProtocols: (protocols) => (protocols.has(LOCAL_RUNNER_SUBPROTOCOL) ? LOCAL_RUNNER_SUBPROTOCOL : false),
  });

  const killEverythingNow = () => {
    for (const connection of connections) connection.disposeSync();
  };
  // A closed terminal (SIGHUP) must clean up like Ctrl-C. When nobody else handles the signal,
  // the process ends as the signal would have ended it (128 + its number), through `exit`
  // handlers (the sign-in link file is removed there too).
  const onSignal = (signal: NodeJS.Signals) => {
    killEverythingNow();
    if (process.listenerCount(signal) === 1) process.exit(128 + (constants.signals[signal] ?? 0));
  };
  process.once('exit', killEverythingNow);
  for (const signal of CLEANUP_SIGNALS) process.on(signal, onSignal);

  async function open(socket: WebSocket): Promise<void> {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    // An oversized message makes `ws` close with 1009 by itself; only other errors cut the socket.
    socket.on('error', (error: Error & { code?: string }) => {
      if (error.code !== 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') socket.terminate();
    });
    if (closed || connections.size + opening >= maxWorkspaces) {
      const reason = `Too many open workspaces (${maxWorkspaces}) on this server; close another playground tab and reload.`;
      socket.send(JSON.stringify({ type: 'error', error: reason }));
      socket.close(RUNNER_CLOSE_TOO_MANY, reason);
      return;
    }
    opening++;
    let workspace: Workspace;
    let containment: Containment;
    try {
      const settled = await ready;
      containment = settled.containment;
      workspace = await Workspace.create({ ...options, nodeModules: settled.nodeModules });
    } catch (error) {
      socket.close(1011, `Could not create a workspace: ${errorText(error)}`.slice(0, 120));
      return;
    } finally {
      opening--;
    }
    if (socket.readyState !== socket.OPEN) {
      await workspace.dispose();
      return;
    }
    const connection = new RunnerConnection(socket, workspace, containment);
    connections.add(connection);
    void connection.closed.then(() => connections.delete(connection));
  }

  function session(request: IncomingMessage, response: ServerResponse): void {
    const problem = request.method === 'GET' ? sessionRequestProblem(request) : `${request.method ?? ''} is not GET`;
    if (problem) return answer(response, 403, `Local runner: refused, ${problem}.\n`);
    if (!credentials.hasCookie(request)) {
      const signIn = `the local runner needs the link with its token, printed ${signInHint(request)} (http://localhost:…/?token=…); open that link once in this browser`;
      // 200, not 401: a signed-out page is a normal state (sql lessons work), not a console error.
      return answer(response, 200, { protocol: LOCAL_RUNNER_PROTOCOL_VERSION, signIn });
    }
    answer(response, 200, { protocol: LOCAL_RUNNER_PROTOCOL_VERSION, socketPath: LOCAL_RUNNER_SOCKET_PATH });
  }

  const host: RunnerHost = {
    credentials,

    handleRequest(request, response, next) {
      for (const [name, value] of Object.entries(APP_HEADERS)) response.setHeader(name, value);
      const url = new URL(request.url ?? '/', 'http://runner.invalid');
      const presented = url.searchParams.get(LOCAL_RUNNER_TOKEN_PARAM);
      if (presented !== null && request.method === 'GET' && credentials.tokenMatches(presented) && !signInProblem(request)) {
        response.setHeader('Set-Cookie', credentials.cookieHeader(request.socket.localPort ?? 0));
        response.setHeader('Cache-Control', 'no-store');
        response.setHeader('Location', withoutToken(request));
        response.statusCode = 302;
        response.end();
        return;
      }
      if (url.pathname !== LOCAL_RUNNER_SESSION_PATH) return next();
      // Vite's CORS middleware may already have allowed localhost origins; this endpoint allows none.
      for (const header of CORS_HEADERS) response.removeHeader(header);
      response.setHeader('Cache-Control', 'no-store');
      response.setHeader('X-Content-Type-Options', 'nosniff');
      session(request, response);
    },

    handleUpgrade(request, socket, head) {
      if (pathOf(request) !== LOCAL_RUNNER_SOCKET_PATH) {
        if (options.passUpgrade?.(request)) return false;
        refuseUpgrade(socket, '404 Not Found', `no WebSocket is served at ${pathOf(request)}`);
        return true;
      }
      const problem = closed ? 'the server is shutting down' : upgradeRequestProblem(request, credentials);
      if (problem) refuseUpgrade(socket, '403 Forbidden', problem);
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

    containment: async () => (await ready).containment.kind,

    async close() {
      if (closed) return;
      closed = true;
      const closing = [...connections].map((connection) => connection.closed);
      for (const socket of sockets) socket.terminate();
      await Promise.all(closing);
      wss.close();
      process.off('exit', killEverythingNow);
      for (const signal of CLEANUP_SIGNALS) process.off(signal, onSignal);
    },
  };
  return host;
}
