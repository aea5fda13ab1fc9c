/**
 * The local runner's guards in a real browser: the app's own page gets the token and runs
 * Node; a page on another origin (another port of this machine, like any other local dev
 * server) can neither read the token nor open the runner's socket, even holding the token.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test, expect } from './fixtures.ts';

const RUNNER_PROTOCOL = 'backend-playground-runner.v1';

test("the app's own page gets a session and runs Node in its workspace", async ({ page }) => {
  await page.goto('/');
  const output = await page.evaluate(async (protocol) => {
    const session = (await (await fetch('/__runner/session')).json()) as { token: string; socketPath: string };
    const url = new URL(session.socketPath, location.href);
    url.protocol = 'ws:';
    const socket = new WebSocket(url, [protocol, `token.${session.token}`]);
    return new Promise<string>((resolve, reject) => {
      let text = '';
      socket.onclose = (event) => reject(new Error(`closed ${event.code} ${event.reason}`));
      socket.onmessage = (event) => {
        const message = JSON.parse(String(event.data)) as { type: string; data?: string };
        if (message.type === 'ready') socket.send(JSON.stringify({ id: 1, type: 'spawn', command: 'node', args: ['-e', 'console.log(6 * 7)'] }));
        if (message.type === 'output') text += message.data;
        if (message.type === 'exit') resolve(text);
      };
    });
  }, RUNNER_PROTOCOL);
  expect(output).toBe('42\n');
});

test.describe('a page on another origin', () => {
  test.use({ allowedConsoleErrors: [/CORS policy|Failed to load resource|WebSocket connection to .* failed/] });

  let foreign: Server;
  let foreignUrl: string;
  test.beforeAll(async () => {
    foreign = createServer((_request, response) => response.end('<!doctype html><title>another local site</title>'));
    await new Promise<void>((resolve) => foreign.listen(0, '127.0.0.1', resolve));
    foreignUrl = `http://127.0.0.1:${(foreign.address() as AddressInfo).port}/`;
  });
  test.afterAll(async () => {
    await new Promise((resolve) => foreign.close(resolve));
  });

  test('can neither read the token nor open the runner socket', async ({ page, baseURL }) => {
    // The test itself (not a browser) can read the token, to prove the socket refuses the Origin, not just a bad token.
    const token = ((await (await fetch(new URL('/__runner/session', baseURL))).json()) as { token: string }).token;
    await page.goto(foreignUrl);
    const result = await page.evaluate(
      async ({ appUrl, token, protocol }) => {
        const read = await fetch(new URL('/__runner/session', appUrl)).then(
          (response) => `read ${response.status}`,
          () => 'blocked',
        );
        const url = new URL('/__runner/ws', appUrl);
        url.protocol = 'ws:';
        const socket = new WebSocket(url, [protocol, `token.${token}`]);
        const opened = await new Promise<string>((resolve) => {
          socket.onopen = () => resolve('opened');
          socket.onclose = (event) => resolve(`closed ${event.code}`);
        });
        return { read, opened };
      },
      { appUrl: baseURL ?? '', token, protocol: RUNNER_PROTOCOL },
    );
    expect(result).toEqual({ read: 'blocked', opened: 'closed 1006' });
  });
});
