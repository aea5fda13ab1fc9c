/**
 * The local runner's guards in a real browser: the printed link signs the browser in (an
 * HttpOnly cookie the page's script never sees) and the app's own page runs Node; without the
 * link the page says where to find it; a page on another origin (another port of this machine,
 * like any other local dev server) can neither use the session nor open the runner's socket,
 * nor frame the app.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test, expect } from './fixtures.ts';
import { expectEditorToContain, replaceEditorText } from './workspace-helpers.ts';

const RUNNER_PROTOCOL = 'backend-playground-runner.v1';
const signInUrl = () => {
  const link = process.env.RUNNER_SIGN_IN_URL;
  if (!link) throw new Error('Run the browser tests with `npm run test:e2e` (it sets RUNNER_SIGN_IN_URL).');
  return link;
};

test.describe('a browser that opens the printed link', () => {
  test.use({ signIn: false });

  test('is signed in, loses the token from the address bar, and runs Node in its workspace', async ({ page, baseURL }) => {
    await page.goto(signInUrl());
    expect(page.url()).toBe(baseURL);
    const output = await page.evaluate(async (protocol) => {
      const session = (await (await fetch('/__runner/session')).json()) as { socketPath: string };
      const url = new URL(session.socketPath, location.href);
      url.protocol = 'ws:';
      const socket = new WebSocket(url, [protocol]);
      return new Promise<string>((resolve, reject) => {
        let text = document.cookie.includes('backend-playground-runner') ? 'cookie visible to script! ' : '';
        socket.onclose = (event) => reject(new Error(`closed ${event.code} ${event.reason}`));
        socket.onmessage = (event) => {
          const message = JSON.parse(String(event.data)) as { type: string; id?: number; data?: string };
          if (message.type === 'ready') socket.send(JSON.stringify({ id: 1, type: 'writeFile', path: 'six.mjs', encoding: 'utf8', data: 'console.log(6 * 7)' }));
          if (message.type === 'reply' && message.id === 1) socket.send(JSON.stringify({ id: 2, type: 'spawn', command: 'node', args: ['six.mjs'] }));
          if (message.type === 'output') text += message.data;
          if (message.type === 'exit') resolve(text);
        };
      });
    }, RUNNER_PROTOCOL);
    expect(output).toBe('42\n');
  });
});

test.describe('a browser that has not opened the link', () => {
  test.use({ signIn: false });

  test('is told where the link is, and SQL lessons still work', async ({ page }) => {
    await page.goto('/?runtime=local#/databases/select-basics');
    // The runtime is chosen after the lesson shows; on a busy machine that takes a while.
    await expect(page.getByRole('banner')).toContainText('needs the link with its token, printed in the terminal that ran `npm start`', { timeout: 30_000 });
    await expect(page.getByRole('banner')).toContainText('SQL lessons still work');
    await expectEditorToContain(page, 'SELECT');
    await replaceEditorText(page, 'SELECT 6 * 7 AS answer;');
    await page.keyboard.press('ControlOrMeta+Enter');
    await expect(page.getByRole('region', { name: 'Database' }).getByRole('table', { name: 'Query result' })).toBeVisible({ timeout: 30_000 });
  });
});

test.describe('a page on another origin', () => {
  test.use({ allowedConsoleErrors: [/CORS policy|Failed to load resource|WebSocket connection to .* failed|violates the following Content Security Policy directive: "frame-ancestors 'self'"/] });

  let foreign: Server;
  let foreignUrl: string;
  test.beforeAll(async ({ baseURL }) => {
    foreign = createServer((_request, response) => response.end(`<!doctype html><title>another local site</title><iframe src="${baseURL}"></iframe>`));
    await new Promise<void>((resolve) => foreign.listen(0, '127.0.0.1', resolve));
    foreignUrl = `http://127.0.0.1:${(foreign.address() as AddressInfo).port}/`;
  });
  test.afterAll(async () => {
    await new Promise((resolve) => foreign.close(resolve));
  });

  test('can neither use the session nor open the runner socket, even in a signed-in browser', async ({ page, baseURL }) => {
    await page.goto(foreignUrl);
    const result = await page.evaluate(
      async ({ appUrl, protocol }) => {
        const read = await fetch(new URL('/__runner/session', appUrl), { credentials: 'include' }).then(
          (response) => `read ${response.status}`,
          () => 'blocked',
        );
        const url = new URL('/__runner/ws', appUrl);
        url.protocol = 'ws:';
        const socket = new WebSocket(url, [protocol]);
        const opened = await new Promise<string>((resolve) => {
          socket.onopen = () => resolve('opened');
          socket.onclose = (event) => resolve(`closed ${event.code}`);
        });
        return { read, opened };
      },
      { appUrl: baseURL ?? '', protocol: RUNNER_PROTOCOL },
    );
    expect(result).toEqual({ read: 'blocked', opened: 'closed 1006' });
  });

  test('cannot frame the app (clickjacking)', async ({ page, baseURL }) => {
    const framed = page.waitForResponse((response) => response.url() === baseURL);
    await page.goto(foreignUrl);
    // The app's answer arrives, and the browser refuses to show it inside another site's page.
    expect((await framed).headers()['content-security-policy']).toBe("frame-ancestors 'self'");
    const frame = page.frames().find((candidate) => candidate !== page.mainFrame());
    // Chromium shows its own error page in the frame instead of the app.
    await expect.poll(() => frame?.url()).not.toBe(baseURL);
    expect(await frame?.getByRole('banner').count()).toBe(0);
  });
});
