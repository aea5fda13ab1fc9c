/**
 * The runner's gatekeeping, in the spirit of Jupyter's server: the peer must be on this
 * machine, the request must come from the app's own page (Host and Origin name this very
 * server), and the WebSocket must carry the cookie that the printed sign-in link set
 * (runner-credentials.ts). Each function returns why a request is refused, or undefined when
 * it may pass.
 */
import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { LOCAL_RUNNER_SUBPROTOCOL } from '../../runtime/local-protocol.ts';
import type { RunnerCredentials } from './runner-credentials.ts';

const LOOPBACK_HOSTNAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  return v4.startsWith('127.') || address === '::1';
}

function scheme(request: IncomingMessage): 'http' | 'https' {
  return (request.socket as Partial<TLSSocket>).encrypted ? 'https' : 'http';
}

/** Does `url` (an Origin, or `scheme://` + a Host header) name this server under a loopback name? */
function namesThisServer(url: string, request: IncomingMessage): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const expectedScheme = scheme(request);
  const port = parsed.port === '' ? (parsed.protocol === 'https:' ? 443 : 80) : Number(parsed.port);
  return (
    parsed.protocol === `${expectedScheme}:` &&
    LOOPBACK_HOSTNAMES.has(parsed.hostname) &&
    parsed.username === '' &&
    parsed.pathname === '/' &&
    port === request.socket.localPort
  );
}

function peerProblem(request: IncomingMessage): string | undefined {
  if (!isLoopbackAddress(request.socket.remoteAddress)) return `the local runner only serves this machine, not ${request.socket.remoteAddress ?? 'an unknown peer'}`;
  // A Host check defeats DNS rebinding: a foreign page whose name now resolves to 127.0.0.1
  // is same-origin with itself, but its requests still say `Host: evil.example`.
  const host = request.headers.host;
  if (!host || !namesThisServer(`${scheme(request)}://${host}`, request)) return `Host "${host ?? ''}" is not this server under a loopback name`;
  return undefined;
}

/** `GET /__runner/session`: only the app's own page may ask (it learns no secret either way). */
export function sessionRequestProblem(request: IncomingMessage): string | undefined {
  const peer = peerProblem(request);
  if (peer) return peer;
  const fetchSite = request.headers['sec-fetch-site'];
  if (fetchSite !== undefined && fetchSite !== 'same-origin') return `Sec-Fetch-Site "${String(fetchSite)}" is not same-origin`;
  const origin = request.headers.origin;
  if (origin !== undefined && !namesThisServer(origin, request)) return `Origin "${origin}" is not this app`;
  return undefined;
}

/** Opening the printed link: this machine, this server's name, and not sent by another site's page. */
export function signInProblem(request: IncomingMessage): string | undefined {
  const peer = peerProblem(request);
  if (peer) return peer;
  const fetchSite = request.headers['sec-fetch-site'];
  if (fetchSite === 'cross-site' || fetchSite === 'same-site') return `Sec-Fetch-Site "${fetchSite}": the link must be opened directly`;
  return undefined;
}

/** The WebSocket upgrade: loopback peer, the app's own Origin (required) and the sign-in cookie. */
export function upgradeRequestProblem(request: IncomingMessage, credentials: RunnerCredentials): string | undefined {
  const peer = peerProblem(request);
  if (peer) return peer;
  const origin = request.headers.origin;
  if (!origin) return 'the request has no Origin header';
  if (!namesThisServer(origin, request)) return `Origin "${origin}" is not this app`;
  const protocols = String(request.headers['sec-websocket-protocol'] ?? '')
    .split(',')
    .map((protocol) => protocol.trim());
  if (!protocols.includes(LOCAL_RUNNER_SUBPROTOCOL)) return `the WebSocket does not speak ${LOCAL_RUNNER_SUBPROTOCOL}`;
  if (!credentials.hasCookie(request)) return 'the browser has not signed in (open the link the server printed; it changes every time the server starts)';
  return undefined;
}
