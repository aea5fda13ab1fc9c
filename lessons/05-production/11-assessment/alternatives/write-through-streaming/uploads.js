/** Uploads streamed to a temporary file while the bytes are counted; renamed once accepted. */
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import busboy from 'busboy';
import express from 'express';

const LIMIT = 1 << 20;
const DIR = path.resolve('uploads');

function typeOf(head) {
  if (head.length >= 8 && head.readBigUInt64BE(0) === 0x89504e470d0a1a0an) return 'image/png';
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  return null;
}

export function attachmentsRouter() {
  const router = express.Router();
  const stored = new Map();

  router.post('/', async (req, res, next) => {
    await mkdir(DIR, { recursive: true });
    let bb;
    try {
      bb = busboy({ headers: req.headers, limits: { files: 1 } });
    } catch {
      return res.status(400).json({ error: 'multipart/form-data expected' });
    }
    let result = null;
    bb.on('file', (name, stream) => {
      if (name !== 'file') return stream.resume();
      const id = randomUUID();
      const temporary = path.join(DIR, `${id}.part`);
      const out = createWriteStream(temporary);
      let size = 0;
      let head = Buffer.alloc(0);
      result = { id, temporary, size: 0, head, over: false, written: new Promise((resolve, reject) => out.on('close', resolve).on('error', reject)) };
      stream.on('data', (chunk) => {
        size += chunk.length;
        if (head.length < 8) head = Buffer.concat([head, chunk]).subarray(0, 8);
        result.size = size;
        result.head = head;
        if (size > LIMIT) result.over = true;
        else out.write(chunk);
      });
      stream.on('end', () => out.end());
    });
    bb.on('close', async () => {
      try {
        if (!result) return res.status(400).json({ error: 'no file' });
        await result.written;
        const type = typeOf(result.head);
        if (result.over || !type) {
          await rm(result.temporary, { force: true });
          return result.over ? res.status(413).json({ error: 'over 1 MiB' }) : res.status(415).json({ error: 'PNG or PDF only' });
        }
        await rename(result.temporary, path.join(DIR, result.id));
        stored.set(result.id, { size: result.size, contentType: type });
        res.status(201).json({ contentType: type, size: result.size, id: result.id });
      } catch (error) {
        next(error);
      }
    });
    req.pipe(bb);
  });

  router.get('/:id', (req, res) => {
    const meta = stored.get(req.params.id);
    if (!meta) return res.status(404).json({ error: 'attachment not found' });
    res.setHeader('Content-Type', meta.contentType);
    res.sendFile(path.join(DIR, req.params.id));
  });

  return router;
}
