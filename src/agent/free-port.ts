/**
 * A free loopback port, asked of the OS. Lives with the agent, which picks the learner's server
 * port with it; Node-only tools (src/node: CLI, tests) import it from here, never the reverse.
 */
import { createServer } from 'node:net';

/** Asks the OS for a free loopback port. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
