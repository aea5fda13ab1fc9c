import express from 'express';
import { db } from './db.js';

const app = express();

// TODO: GET /healthz — is the process up? 200 { "status": "ok" }, without asking the database.

// TODO: GET /readyz — can it serve traffic? ping the database: 200 { "status": "ready" } when
// it answers, 503 { "status": "not ready" } when it does not.

// A slow request: the export takes 2 seconds.
app.get('/export', async (req, res) => {
  console.log('export started');
  await new Promise((resolve) => setTimeout(resolve, 2000));
  res.json({ rows: 1000, done: true });
});

const port = process.env.PORT ?? 3000;
const server = app.listen(port, () => console.log(`Listening on http://localhost:${port}`));

// TODO: on SIGTERM stop accepting connections (server.close), let the requests in flight
// finish, close the database, then exit with code 0.
