/**
 * The runner's gate, attacked the way another local process, a hostile page or a careless
 * request would: the token never leaves over HTTP (V1), every response forbids framing by
 * other origins (V7), and malformed or oversized traffic is refused with the documented codes.
 */
import { readdir } from 'node:fs/promises';
import { networkInterfaces } from 'node:os';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { LOCAL_RUNNER_SUBPROTOCOL, RUNNER_CLOSE_TOO_MANY, type RunnerEvent } from '../../runtime/local-protocol.ts';
import { chooseRuntime } from '../../runtime/choose-runtime.ts';
import { rawGet, signedInRuntime, startTestRunnerServer, type TestRunnerServer } from '../../../tests/support/test-runner-server.ts';
import { APP_HEADERS } from '../isolation-headers.ts';
import { isLoopbackAddress } from './guards.ts';

let runner: TestRunnerServer;
let cookie: string;
beforeEach(async () => {
  runner = await startTestRunnerServer({ maxWorkspaces: 3, maxMessageBytes: 64 * 1024 });
  cookie = await runner.signIn();
});
afterEach(async () => {
  await runner.close();
});

interface RawOptions {
  origin?: string;
  protocols?: string[];
  path?: string;
  cookie?: string;
}

/** Opens a raw socket; resolves once the runner says `ready`, rejects with the HTTP status or close code otherwise. */
function openRaw(options: RawOptions = {}): Promise<{ socket: WebSocket; next: (type: RunnerEvent['type']) => Promise<RunnerEvent> }> {
  const withCookie = 'cookie' in options ? options.cookie : cookie;
  const socket = new WebSocket(`ws://127.0.0.1:${runner.port}${options.path ?? '/__runner/ws'}`, options.protocols ?? [LOCAL_RUNNER_SUBPROTOCOL], {
    origin: 'origin' in options ? options.origin : runner.origin,
    headers: withCookie ? { Cookie: withCookie } : {},
  });
  const waiters: { type: string; resolve: (event: RunnerEvent) => void }[] = [];
  socket.on('message', (data) => {
    const event = JSON.parse(data.toString()) as RunnerEvent;
    const index = waiters.findIndex((waiter) => waiter.type === event.type);
    if (index >= 0) waiters.splice(index, 1)[0]?.resolve(event);
  });
  const next = (type: RunnerEvent['type']) => new Promise<RunnerEvent>((resolve) => waiters.push({ type, resolve }));
  return new Promise((resolve, reject) => {
    socket.once('unexpected-response', (_request, response) => reject(new Error(`HTTP ${response.statusCode}`)));
    socket.once('close', (code, reason) => reject(new Error(`closed ${code} ${reason.toString()}`)));
    socket.once('error', reject);
    void next('ready').then(() => resolve({ socket, next }));
  });
}

describe('V1: the token is handed out of band, never over HTTP', () => {
  const session = () => `${runner.origin}/__runner/session`;

  it('answers a request without the cookie with where to find the link, under every header combination', async () => {
    const { token } = runner.host.credentials;
    const attempts: Record<string, string>[] = [
      {},
      { Origin: runner.origin },
      { 'Sec-Fetch-Site': 'same-origin', 'Sec-Fetch-Mode': 'cors', 'Sec-Fetch-Dest': 'empty' },
      { Origin: runner.origin, 'Sec-Fetch-Site': 'same-origin', Referer: `${runner.origin}/` },
      { Cookie: 'backend-playground-runner-1=forged' },
    ];
    for (const headers of attempts) {
      const response = await rawGet(session(), headers);
      expect(response.status).toBe(200);
      expect(response.body).not.toContain(token);
      expect(JSON.parse(response.body)).toMatchObject({ signIn: expect.stringMatching(/link with its token, printed in the terminal/) });
    }
  });

  it('trades the printed link for an HttpOnly, SameSite=Strict cookie and drops the token from the address', async () => {
    const { token } = runner.host.credentials;
    const response = await rawGet(`${runner.origin}/?lesson=x&token=${token}`);
    expect(response.status).toBe(302);
    expect(response.headers.location).toBe('/?lesson=x');
    const setCookie = [response.headers['set-cookie'] ?? []].flat().join('\n');
    expect(setCookie).toMatch(new RegExp(`^backend-playground-runner-${runner.port}=[0-9a-f]{64}; Path=/__runner; HttpOnly; SameSite=Strict$`));
    expect(setCookie).not.toContain(token);
    // With the cookie, the session says where the socket is — and still carries no secret.
    const signedIn = await rawGet(session(), { Cookie: cookie });
    expect(signedIn.status).toBe(200);
    expect(JSON.parse(signedIn.body)).toEqual({ protocol: 1, socketPath: '/__runner/ws' });
  });

  it('sets no cookie for a wrong token or a sign-in another site triggers', async () => {
    for (const [url, headers] of [
      [`${runner.origin}/?token=${'0'.repeat(64)}`, {}],
      [`${runner.origin}/?token=${runner.host.credentials.token}`, { 'Sec-Fetch-Site': 'cross-site' }],
    ] as const) {
      const response = await rawGet(url, headers);
      expect(response.status).toBe(404); // passed on to the app, unauthenticated
      expect(response.headers['set-cookie']).toBeUndefined();
    }
  });

  it('refuses the socket without the cookie, with a cookie of another start, with a forged Origin, or with the token itself', async () => {
    await expect(openRaw({ cookie: undefined })).rejects.toThrow('HTTP 403');
    const other = await startTestRunnerServer();
    try {
      const otherCookie = (await other.signIn()).replace(`-${other.port}=`, `-${runner.port}=`);
      await expect(openRaw({ cookie: otherCookie })).rejects.toThrow('HTTP 403');
    } finally {
      await other.close();
    }
    await expect(openRaw({ origin: 'http://evil.example' })).rejects.toThrow('HTTP 403');
    await expect(openRaw({ origin: `http://localhost:${runner.port + 1}` })).rejects.toThrow('HTTP 403');
    await expect(openRaw({ origin: 'null' })).rejects.toThrow('HTTP 403');
    await expect(openRaw({ origin: undefined })).rejects.toThrow('HTTP 403');
    await expect(openRaw({ cookie: undefined, protocols: [LOCAL_RUNNER_SUBPROTOCOL, `token.${runner.host.credentials.token}`] })).rejects.toThrow('HTTP 403');
    expect(runner.host.openWorkspaces).toBe(0);
  });

  it('accepts the signed-in app under every loopback spelling of its port', async () => {
    for (const origin of [`http://localhost:${runner.port}`, `http://127.0.0.1:${runner.port}`, `http://[::1]:${runner.port}`]) {
      const { socket } = await openRaw({ origin });
      socket.close();
    }
  });

  it('refuses foreign origins and Host names (DNS rebinding) on the session endpoint', async () => {
    expect((await rawGet(session(), { Cookie: cookie, 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect((await rawGet(session(), { Cookie: cookie, Origin: 'http://evil.example' })).status).toBe(403);
    expect((await rawGet(session(), { Cookie: cookie, Host: `evil.example:${runner.port}` })).status).toBe(403);
  });

  it('tells a page that has not signed in where the link is, while SQL lessons still work', async () => {
    const { runtime, choice } = await chooseRuntime({ forced: 'local', local: { baseUrl: runner.origin } });
    expect(runtime).toBeUndefined();
    expect(choice.reason).toMatch(/the local runner needs the link with its token, printed in the terminal that started the server .* — SQL lessons still work\.$/);
  });

  it('knows loopback addresses', () => {
    expect(['127.0.0.1', '127.8.9.1', '::1', '::ffff:127.0.0.1'].every(isLoopbackAddress)).toBe(true);
    expect(['192.0.2.2', '::ffff:10.0.0.1', 'fe80::1', '', undefined].some(isLoopbackAddress)).toBe(false);
  });
});

const externalAddress = Object.values(networkInterfaces())
  .flat()
  .find((address) => address && address.family === 'IPv4' && !address.internal)?.address;

describe.runIf(externalAddress)('a server listening on every interface', () => {
  it(`refuses a peer that is not loopback (${externalAddress})`, async () => {
    const open = await startTestRunnerServer({}, '0.0.0.0');
    try {
      const viaNetwork = await rawGet(`http://${externalAddress}:${open.port}/__runner/session`);
      expect(viaNetwork.status).toBe(403);
      expect(viaNetwork.body).toContain(`only serves this machine, not ${externalAddress}`);
    } finally {
      await open.close();
    }
  });
});

describe('V7: framing and stray upgrades', () => {
  it('sends frame-ancestors and X-Frame-Options on every response it touches', async () => {
    const responses = [
      await rawGet(`${runner.origin}/__runner/session`),
      await rawGet(`${runner.origin}/__runner/session`, { Cookie: cookie }),
      await rawGet(`${runner.origin}/__runner/session`, { Origin: 'http://evil.example' }),
      await rawGet(`${runner.origin}/?token=${runner.host.credentials.token}`),
      await rawGet(`${runner.origin}/any/page`),
    ];
    for (const response of responses) {
      expect(response.headers['content-security-policy']).toBe(APP_HEADERS['Content-Security-Policy']);
      expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    }
  });

  it('refuses an upgrade on an unknown path instead of leaving it hanging', async () => {
    await expect(openRaw({ path: '/somewhere-else' })).rejects.toThrow('HTTP 404');
  });
});

describe('malformed traffic', () => {
  it('answers garbage JSON, unknown types and bad fields with errors and keeps going', async () => {
    const { socket, next } = await openRaw();
    socket.send('this is not json');
    expect(await next('error')).toMatchObject({ error: expect.stringMatching(/one JSON object per text message/) });
    socket.send(JSON.stringify({ type: 'mount' }));
    expect(await next('error')).toMatchObject({ error: expect.stringMatching(/numeric "id"/) });
    socket.send(JSON.stringify({ id: 1, type: 'format-disk' }));
    expect(await next('reply')).toMatchObject({ id: 1, ok: false, error: expect.stringMatching(/Unknown message type "format-disk"/) });
    socket.send(JSON.stringify({ id: 2, type: 'spawn', command: 'node', args: 'not-an-array' }));
    expect(await next('reply')).toMatchObject({ id: 2, ok: false, error: expect.stringMatching(/"args" as an array of strings/) });
    socket.send(JSON.stringify({ id: 3, type: 'stdin', process: 99, data: 'x' }));
    expect(await next('reply')).toMatchObject({ id: 3, ok: false, error: expect.stringMatching(/Process 99 is not running/) });
    socket.send(JSON.stringify({ id: 4, type: 'mount', files: [{ path: '__proto__', encoding: 'utf8', data: 'a file like any other' }] }));
    expect(await next('reply')).toMatchObject({ id: 4, ok: true });
    socket.send(JSON.stringify({ id: 5, type: 'readFile', path: '__proto__' }));
    expect(await next('reply')).toMatchObject({ id: 5, ok: true, data: { base64: Buffer.from('a file like any other').toString('base64') } });
    socket.close();
  });

  it('closes a connection that sends an oversized message with 1009; the server carries on', async () => {
    const { socket } = await openRaw();
    const closed = new Promise<number>((resolve) => socket.once('close', resolve));
    socket.send(JSON.stringify({ id: 1, type: 'writeFile', path: 'big.txt', encoding: 'utf8', data: 'x'.repeat(100 * 1024) }));
    expect(await closed).toBe(1009);
    await expect.poll(() => readdir(runner.workspacesDir), { timeout: 5000 }).toEqual([]);
    const runtime = await runner.connect();
    await runtime.writeFile('small.txt', 'fine');
    await runtime.dispose();
  });

  it('closes with 1009 for a 20 MiB message under the default limit too', async () => {
    const roomy = await startTestRunnerServer();
    try {
      const roomyCookie = await roomy.signIn();
      const socket = new WebSocket(`ws://127.0.0.1:${roomy.port}/__runner/ws`, [LOCAL_RUNNER_SUBPROTOCOL], { origin: roomy.origin, headers: { Cookie: roomyCookie } });
      await new Promise((resolve) => socket.once('message', resolve));
      const closed = new Promise<number>((resolve) => socket.once('close', resolve));
      socket.send(JSON.stringify({ id: 1, type: 'writeFile', path: 'huge.txt', encoding: 'utf8', data: 'x'.repeat(20 * 1024 * 1024) }));
      expect(await closed).toBe(1009);
    } finally {
      await roomy.close();
    }
  });
});

describe('limits and cleanup', () => {
  it('caps open workspaces and says so', async () => {
    const open = [await runner.connect(), await runner.connect(), await runner.connect()];
    await expect(runner.connect()).rejects.toThrow('Too many open workspaces (3) on this server; close another playground tab and reload.');
    await expect(openRaw()).rejects.toThrow(`closed ${RUNNER_CLOSE_TOO_MANY}`);
    await open[0]?.dispose();
    await expect.poll(() => runner.host.openWorkspaces).toBe(2);
    const again = await signedInRuntime(runner.origin, cookie);
    await Promise.all([again, ...open].map((runtime) => runtime?.dispose()));
  });

  it('refuses new sockets once the server shuts down', async () => {
    await runner.host.close();
    await expect(openRaw()).rejects.toThrow('HTTP 403');
  });
});
