import express from 'express';
import busboy from 'busboy';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';

const app = express();

// Every upload is kept in this folder, under a name your server makes up.
const UPLOADS = path.resolve('uploads');
await mkdir(UPLOADS, { recursive: true });

// id → { id, name, size, type }: what GET /files lists.
const files = new Map();

app.post('/files', (req, res) => {
  // TODO: parse the multipart/form-data body with busboy({ headers: req.headers, ... }) and
  // stream its `file` part into UPLOADS under a new id (crypto.randomUUID()). Refuse a file
  // over 1 MiB with 413 and anything but a PNG, JPEG or PDF (judged by its first bytes)
  // with 415, leaving nothing behind; a body that is not multipart gets 415, one without a
  // `file` part 400. Answer 201 with { id, name, size, type }.
  res.status(501).json({ error: 'Uploads are not implemented yet.' });
});

app.get('/files', (req, res) => {
  res.json([...files.values()]);
});

app.get('/files/:id', (req, res) => {
  // TODO: 404 for an unknown id; otherwise send the stored bytes with the stored type,
  // Content-Disposition: attachment with the original name, and X-Content-Type-Options: nosniff.
  res.status(501).json({ error: 'Downloads are not implemented yet.' });
});

const port = process.env.PORT ?? 3000;
app.listen(port, () => console.log(`Listening on http://localhost:${port}`));
