/**
 * Attachments: multipart uploads of at most 1 MiB, accepted by what their bytes are (PNG or
 * PDF), stored under a name the server makes up, and served back by that id only.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import busboy from 'busboy';
import express from 'express';

const UPLOADS = 'uploads';
const MAX_BYTES = 1024 * 1024;
/** Magic numbers: the first bytes of each accepted type. The name and the client's type can lie. */
const SIGNATURES = [
  { contentType: 'image/png', magic: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { contentType: 'application/pdf', magic: Buffer.from('%PDF-') },
];

function sniff(bytes) {
  return SIGNATURES.find(({ magic }) => bytes.subarray(0, magic.length).equals(magic))?.contentType;
}

export function attachmentsRouter() {
  const router = express.Router();
  /** id → { id, size, contentType }: the only files GET serves. */
  const attachments = new Map();

  router.post('/attachments', (req, res, next) => {
    let parser;
    try {
      // busboy reports 'limit' on reaching fileSize bytes, also for a file of exactly that size:
      // one byte more lets a file of exactly MAX_BYTES through.
      parser = busboy({ headers: req.headers, limits: { fileSize: MAX_BYTES, files: 1 } });
    } catch {
      return res.status(400).json({ error: 'send multipart/form-data with a file in the field "file"' });
    }
    let upload;
    parser.on('file', (field, file) => {
      if (field !== 'file' || upload !== undefined) return file.resume();
      upload = { chunks: [], tooLarge: false };
      file.on('data', (chunk) => upload.chunks.push(chunk));
      // busboy stops at the limit and says so; the rest of the body is read and dropped.
      file.on('limit', () => {
        upload.tooLarge = true;
      });
    });
    parser.on('error', next);
    parser.on('close', async () => {
      try {
        if (upload === undefined) return res.status(400).json({ error: 'send a file in the field "file"' });
        if (upload.tooLarge) return res.status(413).json({ error: `files may be at most ${MAX_BYTES} bytes` });
        const bytes = Buffer.concat(upload.chunks);
        const contentType = sniff(bytes);
        if (contentType === undefined) return res.status(415).json({ error: 'only PNG images and PDF documents are accepted' });
        // Our name, never the client's: "../server.js" must not become a path.
        const id = randomUUID();
        await mkdir(UPLOADS, { recursive: true });
        await writeFile(join(UPLOADS, id), bytes);
        const attachment = { id, size: bytes.length, contentType };
        attachments.set(id, attachment);
        res.status(201).json(attachment);
      } catch (error) {
        next(error);
      }
    });
    req.pipe(parser);
  });

  router.get('/attachments/:id', (req, res) => {
    const attachment = attachments.get(req.params.id);
    if (attachment === undefined) return res.status(404).json({ error: 'no such attachment' });
    res.type(attachment.contentType);
    res.sendFile(attachment.id, { root: resolve(UPLOADS) });
  });

  return router;
}
