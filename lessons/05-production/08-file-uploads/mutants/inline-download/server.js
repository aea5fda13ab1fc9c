import express from 'express';
import busboy from 'busboy';
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import path from 'node:path';

const app = express();

// Every upload is kept in this folder, under a name your server makes up.
const UPLOADS = path.resolve('uploads');
await mkdir(UPLOADS, { recursive: true });

// id → { id, name, size, type }: what GET /files lists.
const files = new Map();

const MAX_BYTES = 1024 * 1024;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PDF_SIGNATURE = Buffer.from('%PDF-');

/** The file's real type from its first bytes (its "magic number"), or undefined when not allowed. */
function sniffType(head) {
  if (head.subarray(0, 8).equals(PNG_SIGNATURE)) return 'image/png';
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if (head.subarray(0, 5).equals(PDF_SIGNATURE)) return 'application/pdf';
  return undefined;
}

app.post('/files', (req, res, next) => {
  let parser;
  try {
    // busboy flags a file as truncated when it *reaches* fileSize, so allow one byte more than
    // the largest valid file: `truncated` then means "more than MAX_BYTES". Without
    // defParamCharset busboy reads file names as latin1, and UTF-8 names come out garbled.
    parser = busboy({ headers: req.headers, defParamCharset: 'utf8', limits: { fileSize: MAX_BYTES + 1, files: 1 } });
  } catch {
    return res.status(415).json({ error: 'Send multipart/form-data with the file in a "file" field.' });
  }

  let upload; // a promise of what was stored, once the `file` part is on disk
  parser.on('file', (field, stream, info) => {
    if (field !== 'file' || upload) return stream.resume();
    const id = randomUUID();
    const partPath = path.join(UPLOADS, `${id}.part`);
    let head = Buffer.alloc(0);
    let size = 0;
    stream.on('data', (chunk) => {
      if (head.length < 8) head = Buffer.concat([head, chunk.subarray(0, 8 - head.length)]);
      size += chunk.length;
    });
    const out = createWriteStream(partPath);
    stream.pipe(out);
    upload = finished(out).then(() => ({ id, name: info.filename, size, head, tooBig: stream.truncated, partPath }));
  });

  parser.on('error', () => res.status(400).json({ error: 'The multipart body is malformed.' }));

  // 'close' comes once the whole body is read, so the client is never cut off mid-send.
  parser.on('close', async () => {
    try {
      if (!upload) return res.status(400).json({ error: 'Send the file in a multipart field named "file".' });
      const stored = await upload;
      const type = sniffType(stored.head);
      if (stored.tooBig || !type) {
        // Clean up before answering: a refused upload leaves nothing behind.
        await rm(stored.partPath, { force: true });
        if (stored.tooBig) return res.status(413).json({ error: `Files may be at most ${MAX_BYTES} bytes.` });
        return res.status(415).json({ error: 'Only PNG, JPEG and PDF files are accepted.' });
      }
      await rename(stored.partPath, path.join(UPLOADS, stored.id));
      const file = { id: stored.id, name: stored.name, size: stored.size, type };
      files.set(file.id, file);
      res.status(201).json(file);
    } catch (error) {
      next(error);
    }
  });

  req.pipe(parser);
});

app.get('/files', (req, res) => {
  res.json([...files.values()]);
});

app.get('/files/:id', (req, res, next) => {
  const file = files.get(req.params.id);
  if (!file) return res.status(404).json({ error: 'No such file.' });
  // attachment: browsers save the file instead of showing it on your origin (Express encodes
  // the name as RFC 6266 wants, with filename* for non-ASCII); nosniff: they keep the type as sent.
  res.set({ 'Content-Type': file.type, 'X-Content-Type-Options': 'nosniff' });
  res.sendFile(file.id, { root: UPLOADS }, (error) => error && next(error));
});

const port = process.env.PORT ?? 3000;
app.listen(port, () => console.log(`Listening on http://localhost:${port}`));
