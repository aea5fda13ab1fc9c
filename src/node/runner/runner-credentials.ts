/**
 * The runner's credentials, handed out the way Jupyter hands out its token: never over HTTP.
 *
 * Each server start mints a token. The terminal that started the server shows it in a link
 * (`http://localhost:PORT/?token=…`, also written to a 0600 file for scripts); opening that link
 * trades it for a cookie — `HttpOnly` (page scripts never see it), `SameSite=Strict` (other
 * sites' pages cannot make the browser send it), `Path=/__runner` (only the runner's endpoints
 * receive it), named after the port (two servers do not overwrite each other's). The cookie's
 * value is a second secret, so neither the token nor the cookie value is ever written into a
 * response body. A local process that cannot read the owner's terminal or files gets nothing.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdirSync, openSync, rmSync, writeSync, closeSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { LOCAL_RUNNER_COOKIE_PATH, LOCAL_RUNNER_TOKEN_PARAM } from '../../runtime/local-protocol.ts';
import { defaultCacheDir } from './template-dependencies.ts';

const COOKIE_PREFIX = 'backend-playground-runner-';

function sameSecret(presented: string, secret: string): boolean {
  const a = Buffer.from(presented);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookies(request: IncomingMessage): Map<string, string> {
  const jar = new Map<string, string>();
  for (const pair of (request.headers.cookie ?? '').split(';')) {
    const at = pair.indexOf('=');
    if (at > 0) jar.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
  }
  return jar;
}

/** Where the sign-in link is written for tools: the user's runtime folder, else their cache folder. */
export function tokenFileDir(): string {
  return process.env.XDG_RUNTIME_DIR ? join(process.env.XDG_RUNTIME_DIR, 'backend-playground') : defaultCacheDir();
}

export class RunnerCredentials {
  readonly token = randomBytes(32).toString('hex');
  private readonly cookieSecret = randomBytes(32).toString('hex');

  /** The link the terminal shows; `origin` like `http://localhost:5173`. */
  signInUrl(origin: string): string {
    return `${origin}/?${LOCAL_RUNNER_TOKEN_PARAM}=${this.token}`;
  }

  tokenMatches(presented: string): boolean {
    return sameSecret(presented, this.token);
  }

  /** The `Set-Cookie` header a valid sign-in answers with, for the server on `port`. */
  cookieHeader(port: number): string {
    return `${COOKIE_PREFIX}${port}=${this.cookieSecret}; Path=${LOCAL_RUNNER_COOKIE_PATH}; HttpOnly; SameSite=Strict`;
  }

  /** Does the request carry this start's cookie for the port it arrived on? */
  hasCookie(request: IncomingMessage): boolean {
    const presented = cookies(request).get(`${COOKIE_PREFIX}${request.socket.localPort ?? ''}`);
    return presented !== undefined && sameSecret(presented, this.cookieSecret);
  }
}

/**
 * Writes `url` to `<dir>/runner-<port>.url`, readable by this user only (created fresh, never
 * through an existing file or link). Returns the path and a synchronous remover for shutdown.
 */
export function writeTokenFile(dir: string, port: number, url: string): { path: string; remove(): void } {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const path = join(dir, `runner-${port}.url`);
  rmSync(path, { force: true });
  const fd = openSync(path, 'wx', 0o600);
  try {
    writeSync(fd, `${url}\n`);
  } finally {
    closeSync(fd);
  }
  return { path, remove: () => rmSync(path, { force: true }) };
}
