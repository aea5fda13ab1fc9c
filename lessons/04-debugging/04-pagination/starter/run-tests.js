// Starts a server on a free port, runs pagination.test.js against it (BASE_URL points at it),
// then stops the server: `node run-tests.js`. The checks run it against a copy of the buggy
// server and against fixed ones, whose code they pass in SERVER_SOURCE; without it, it starts
// your server.js. You do not need to change this file.
import { spawn } from 'node:child_process';
import { connect, createServer } from 'node:net';

const TEST_FILE = 'pagination.test.js';
const START_TIMEOUT_MS = 10_000;
/** A test still waiting after this long fails, instead of holding up the whole run. */
const TEST_TIMEOUT_MS = 20_000;
/** Exit code for "the server never listened": no test ran. */
const SERVER_DID_NOT_START = 3;

/** Another program may take the free port before the server does: then try another one. */
const ATTEMPTS = 3;

for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
  const port = await freePort();
  const server = startServer(port);
  try {
    if (await listens(port, server)) {
      process.exitCode = await runTests(`http://127.0.0.1:${port}`);
      break;
    }
    server.child.kill('SIGKILL'); // a server still starting after the time limit
    await server.closed;
    if (attempt === ATTEMPTS || !server.errors.join('').includes('EADDRINUSE')) {
      console.error(`The server did not start.\n${server.errors.join('')}`);
      process.exitCode = SERVER_DID_NOT_START;
      break;
    }
  } finally {
    server.child.kill('SIGKILL');
  }
}

/** server.js, or the code in SERVER_SOURCE (run as an ES module from this folder, so `express` resolves). */
function startServer(serverPort) {
  const source = process.env.SERVER_SOURCE;
  const args = source ? ['--input-type=module', '--eval', source] : ['server.js'];
  const child = spawn(process.execPath, args, { env: { ...process.env, PORT: String(serverPort) }, stdio: ['ignore', 'ignore', 'pipe'] });
  const errors = [];
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (text) => errors.push(text));
  // Resolves once the server has exited and its error output is all read.
  const closed = new Promise((resolve) => child.once('close', resolve));
  return { child, errors, closed };
}

function runTests(baseUrl) {
  // --test-force-exit: fetch keeps its connection to the server open for a few seconds after
  // the last test; without the flag every run would wait for it to time out.
  const args = ['--test', '--test-force-exit', '--test-reporter=tap', `--test-timeout=${TEST_TIMEOUT_MS}`, TEST_FILE];
  const child = spawn(process.execPath, args, { env: { ...process.env, BASE_URL: baseUrl, SERVER_SOURCE: '' }, stdio: 'inherit' });
  return new Promise((resolve) => child.once('close', (code) => resolve(code ?? 1)));
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address();
      probe.close(() => resolve(free));
    });
  });
}

/** Polls until the port accepts connections; false when the server exits or takes too long. */
async function listens(serverPort, { child }) {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline && child.exitCode === null) {
    const open = await new Promise((resolve) => {
      const socket = connect(serverPort, '127.0.0.1');
      socket.once('connect', () => resolve(true) || socket.destroy());
      socket.once('error', () => resolve(false));
    });
    if (open) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}
