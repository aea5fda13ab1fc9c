import express from 'express';
import { db } from './db.js';

const app = express();

// Liveness: only "is this process able to answer at all?". It must not depend on the database:
// a database outage would make the orchestrator restart every healthy instance in a loop.
app.get('/healthz', (req, res) => {
  res.json({ status: 'ok' });
});

// Readiness: "send me traffic?". Asked on every probe, so it follows the database both ways.
app.get('/readyz', async (req, res) => {
  res.json({ status: 'ready' });
});

// A slow request: the export takes 2 seconds.
app.get('/export', async (req, res) => {
  console.log('export started');
  await new Promise((resolve) => setTimeout(resolve, 2000));
  res.json({ rows: 1000, done: true });
});

const port = process.env.PORT ?? 3000;
const server = app.listen(port, () => console.log(`Listening on http://localhost:${port}`));

process.once('SIGTERM', () => {
  console.log('SIGTERM: finishing the requests in flight');
  // close() stops accepting new connections at once and calls back when the open ones are done.
  server.close(async () => {
    await db.close();
    process.exit(0);
  });
});
