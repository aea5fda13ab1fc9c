import express from 'express';
import busboy from 'busboy';
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import path from 'node:path';

const app = express();

// Every upload is kept in this folder, under a name your server makes up.
const UPLOADS = path.resolve('uploads');
// Uploads in progress land here first, so a half-written file is never taken for a stored one.
const INCOMING = path.join(UPLOADS, '.incoming');
await mkdir(INCOMING, { recursive: true });

// id → { id, name, size, type }: what GET /files lists.
const files = new Map();

const LIMIT = 1024 * 1024;
/** The allow-list: a type and the bytes every file of that type starts with. */
const SIGNATURES = [
  { type: 'image/png', magic: Buffer.from('89504e470d0a1a0a', 'hex') },
  { type: 'image/jpeg', magic: Buffer.from('ffd8ff', 'hex') },
  { type: 'application/pdf', magic: Buffer.from('%PDF-') },
];

/** Reads the first bytes of the file on disk and returns its allowed type, if any. */
async function detectType(file) {
  const handle = await open(file);
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(8), 0, 8, 0);
    const head = buffer.subarray(0, bytesRead);
    return SIGNATURES.find(({ magic }) => head.subarray(0, magic.length).equals(magic))?.type;
  } finally {
    await handle.close();
  }
}

/** RFC 6266: an ASCII fallback in filename, the exact name percent-encoded in filename* (RFC 8187). */
function attachmentHeader(name) {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

const router = express.Router();

router.post('/', async (req, res) => {
  let parser;
  try {
    parser = busboy({ headers: req.headers, defParamCharset: 'utf8', limits: { fileSize: LIMIT + 1 } });
  } catch {
    return res.status(415).json({ error: 'POST /files takes multipart/form-data.' });
  }

  const received = [];
  parser.on('file', (field, stream, info) => {
    if (field !== 'file' || received.length > 0) return stream.resume();
    const id = randomBytes(16).toString('hex');
    const partPath = path.join(INCOMING, id);
    let tooLarge = false;
    // Emitted once the stream passes LIMIT bytes; busboy drops the rest of this file.
    stream.once('limit', () => {
      tooLarge = true;
    });
    received.push(pipeline(stream, createWriteStream(partPath)).then(() => ({ id, partPath, name: info.filename, tooLarge })));
  });
  const parsed = new Promise((resolve, reject) => {
    parser.once('close', resolve);
    parser.once('error', reject);
  });
  req.pipe(parser);

  try {
    await parsed;
  } catch {
    await Promise.allSettled(received);
    return res.status(400).json({ error: 'The multipart body is malformed.' });
  }
  if (received.length === 0) return res.status(400).json({ error: 'Put the file in a form field named "file".' });

  const upload = await received[0];
  const type = await detectType(upload.partPath);
  if (upload.tooLarge || type === undefined) {
    await rm(upload.partPath, { force: true });
    return upload.tooLarge
      ? res.status(413).json({ error: 'The limit is 1 MiB per file.' })
      : res.status(415).json({ error: 'Send a PNG, a JPEG or a PDF.' });
  }
  const { size } = await stat(upload.partPath);
  await rename(upload.partPath, path.join(UPLOADS, upload.id));
  const file = { type, size, name: upload.name, id: upload.id, uploadedAt: new Date().toISOString() };
  files.set(file.id, file);
  res.status(201).location(`/files/${file.id}`).json(file);
});

router.get('/', (req, res) => {
  res.json([...files.values()]);
});

router.get('/:id', async (req, res) => {
  const file = files.get(req.params.id);
  if (file === undefined) return res.status(404).json({ error: `No file with id ${req.params.id}.` });
  res.set({
    'Content-Type': file.type,
    'Content-Disposition': attachmentHeader(file.name),
    'X-Content-Type-Options': 'nosniff',
  });
  await pipeline(createReadStream(path.join(UPLOADS, file.id)), res);
});

app.use('/files', router);

const port = process.env.PORT ?? 3000;
app.listen(port, () => console.log(`Listening on http://localhost:${port}`));
