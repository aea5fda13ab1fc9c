// Starts a server on a free port, runs `node repro.js` with BASE_URL pointing at it, stops the
// server and exits with repro.js's exit code: 0 = this version is good, 1 to 127 = bad, except
// 125 = this version cannot be tested (here: the server did not start) — what `git bisect run`
// reads. The checks run it against a copy of the buggy server and a fixed one, whose code they
// pass in SERVER_SOURCE; without it, it starts your server.js. You do not need to change this file.
import { spawn } from 'node:child_process';
import { connect, createServer } from 'node:net';

const START_TIMEOUT_MS = 10_000;
/** A repro.js still running after this long counts as bad instead of holding up the run. */
const REPRO_TIMEOUT_MS = 20_000;
const CANNOT_TEST = 125;

const port = await freePort();
const source = process.env.SERVER_SOURCE;
// SERVER_SOURCE runs as an ES module from this folder, so `express` and ./users-repo.js resolve.
const args = source ? ['--input-type=module', '--eval', source] : ['server.js'];
const server = spawn(process.execPath, args, { env: { ...process.env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'inherit'] });
try {
  if (await listens(port, server)) {
    process.exitCode = await runRepro(`http://127.0.0.1:${port}`);
  } else {
    console.error('The server did not start: this version cannot be tested (exit 125, git bisect skips it).');
    process.exitCode = CANNOT_TEST;
  }
} finally {
  server.kill('SIGKILL');
}

function runRepro(baseUrl) {
  const child = spawn(process.execPath, ['repro.js'], { env: { ...process.env, BASE_URL: baseUrl, SERVER_SOURCE: '' }, stdio: 'inherit' });
  const timer = setTimeout(() => {
    console.error(`repro.js did not finish within ${REPRO_TIMEOUT_MS / 1000} s.`);
    child.kill('SIGKILL');
  }, REPRO_TIMEOUT_MS);
  return new Promise((resolve) =>
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve(code ?? 1);
    }),
  );
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
async function listens(serverPort, child) {
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
