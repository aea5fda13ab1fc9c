/**
 * A free loopback port. Lives with the agent, which picks the learner's server port with it;
 * Node-only tools (src/node: CLI, tests) import it from here, never the reverse.
 *
 * Picked at random below the OS's ephemeral range (Linux: 32768–60999): between this check and
 * the learner's server binding the port (up to seconds on a busy machine), a port from that
 * range can be handed to any other `listen(0)` — another agent's probe or port check — whose
 * listener then passes for the learner's server while the server itself fails with EADDRINUSE
 * (seen once in a CI run of lessons:verify). Port 0 remains the fallback.
 */
import { createServer } from 'node:net';

const LOWEST = 20_000;
const HIGHEST = 32_767;
const TRIES = 20;

/** Whether `port` can be listened on at 127.0.0.1 right now; with port 0, the port the OS chose. */
function tryListen(port: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(undefined));
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : undefined));
    });
  });
}

/** Asks for a free loopback port outside the ephemeral range, or any the OS gives. */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < TRIES; attempt += 1) {
    const port = await tryListen(LOWEST + Math.floor(Math.random() * (HIGHEST - LOWEST + 1)));
    if (port !== undefined) return port;
  }
  const port = await tryListen(0);
  if (port === undefined) throw new Error('no free loopback port');
  return port;
}
