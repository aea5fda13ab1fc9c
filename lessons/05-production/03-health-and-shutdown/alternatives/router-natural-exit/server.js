import express from 'express';
import { db } from './db.js';

const app = express();
let shuttingDown = false;

const probes = express.Router();
probes.get('/healthz', (req, res) => res.status(200).send({ status: 'ok', uptime: process.uptime() }));
probes.get('/readyz', async (req, res) => {
  const reason = shuttingDown ? 'shutting down' : await db.ping().then(() => undefined, (error) => error.message);
  if (reason) return res.status(503).send({ status: 'not ready', reason });
  res.send({ status: 'ready' });
});
app.use(probes);

app.get('/export', async (req, res) => {
  console.log('export started');
  await new Promise((resolve) => setTimeout(resolve, 2000));
  res.json({ rows: 1000, done: true });
});

const port = process.env.PORT ?? 3000;
const server = app.listen(port, () => console.log(`Listening on http://localhost:${port}`));

function shutdown(signal) {
  if (shuttingDown) return;
  shuttingDown = true;
  console.log(`${signal} received, draining`);
  // Give up on stuck requests after 10 s; unref'd so it never keeps the process alive itself.
  setTimeout(() => process.exit(1), 10_000).unref();
  server.close(async (error) => {
    await db.close();
    process.exitCode = error ? 1 : 0;
  });
  server.closeIdleConnections();
}

process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
