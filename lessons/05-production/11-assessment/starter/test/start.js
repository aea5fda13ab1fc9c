/**
 * Starts the app on a free port for one test file (do not change this file). The checks run
 * your tests twice: as they are, against your app — and with ORDERS_APP naming a deliberately
 * broken copy of it (test/broken/). A good test passes the first time and fails the second.
 */
import { once } from 'node:events';

const target = process.env.ORDERS_APP ?? '../app.js';

export async function startApp() {
  const { createApp } = await import(target);
  const server = createApp({ catalogApiKey: 'test-key' }).listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
