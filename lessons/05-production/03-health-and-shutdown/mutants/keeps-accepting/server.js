import express from 'express';
import { db } from './db.js';

const app = express();

// Counts the requests in flight, to wait for them at shutdown.
let inFlight = 0;
app.use((req, res, next) => {
  inFlight += 1;
  res.on('close', () => {
    inFlight -= 1;
  });
  next();
});

// Liveness: only "is this process able to answer at all?". It must not depend on the database:
// a database outage would make the orchestrator restart every healthy instance in a loop.
app.get('/healthz', (req, res) => {
  res.json({ status: 'ok' });
});

// Readiness: "send me traffic?". Asked on every probe, so it follows the database both ways.
app.get('/readyz', async (req, res) => {
  try {
    await db.ping();
    res.json({ status: 'ready' });
  } catch (error) {
    res.status(503).json({ status: 'not ready', reason: error.message });
  }
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
  // Waits for the counter to reach zero, but the listener stays open.
  const waiting = setInterval(async () => {
    if (inFlight > 0) return;
    clearInterval(waiting);
    await db.close();
    process.exit(0);
  }, 50);
});
