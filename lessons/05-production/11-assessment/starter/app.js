/**
 * The orders service: products come from the catalog service, orders reserve stock at the
 * warehouse, and customers attach files (invoices, photos) to their paperwork. It works — on a
 * good day. Harden it: see the lesson text for every rule.
 */
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import busboy from 'busboy';
import express from 'express';
import { db } from './db.js';

const CATALOG = 'https://catalog.test';
const WAREHOUSE = 'https://warehouse.test';
const UPLOADS = 'uploads';

/** Builds the app; server.js starts it, the tests in test/ start their own. */
export function createApp(config) {
  const app = express();
  // Express would add a weak ETag to every response by itself; this service sets its own.
  app.set('etag', false);
  app.use(express.json());

  const catalogHeaders = { authorization: `Bearer ${config.catalogApiKey}` };

  app.get('/products/:id', async (req, res) => {
    const answer = await fetch(`${CATALOG}/products/${encodeURIComponent(req.params.id)}`, { headers: catalogHeaders });
    if (answer.status === 404) return res.status(404).json({ error: 'no such product' });
    if (!answer.ok) return res.status(502).json({ error: 'the catalog failed' });
    res.json(await answer.json());
  });

  app.put('/products/:id', async (req, res) => {
    const answer = await fetch(`${CATALOG}/products/${encodeURIComponent(req.params.id)}`, {
      method: 'PUT',
      headers: { ...catalogHeaders, 'content-type': 'application/json' },
      body: JSON.stringify(req.body ?? {}),
    });
    if (!answer.ok) return res.status(502).json({ error: 'the catalog failed' });
    res.json(await answer.json());
  });

  app.get('/orders', async (req, res) => {
    res.json(await db.listOrders());
  });

  app.post('/orders', async (req, res) => {
    const { productId, quantity } = req.body ?? {};
    if (!Number.isInteger(productId) || productId < 1 || !Number.isInteger(quantity) || quantity < 1 || quantity > 100) {
      return res.status(400).json({ error: 'send { "productId": a positive integer, "quantity": 1 to 100 }' });
    }
    const answer = await fetch(`${WAREHOUSE}/reservations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ productId, quantity }),
    });
    if (!answer.ok) return res.status(502).json({ error: 'the warehouse failed' });
    const { reservationId } = await answer.json();
    const order = await db.insertOrder({ productId, quantity, reservationId });
    res.status(201).json(order);
  });

  const attachments = new Map();

  app.post('/attachments', (req, res) => {
    mkdirSync(UPLOADS, { recursive: true });
    const parser = busboy({ headers: req.headers });
    let stored;
    parser.on('file', (field, file, info) => {
      stored = { id: info.filename, contentType: info.mimeType, size: 0 };
      file.on('data', (chunk) => {
        stored.size += chunk.length;
      });
      file.pipe(createWriteStream(join(UPLOADS, info.filename)));
    });
    parser.on('close', () => {
      if (!stored) return res.status(400).json({ error: 'send a file in the field "file"' });
      attachments.set(stored.id, stored);
      res.status(201).json(stored);
    });
    req.pipe(parser);
  });

  app.get('/attachments/:id', (req, res) => {
    const file = attachments.get(req.params.id);
    res.type(file?.contentType ?? 'application/octet-stream');
    res.sendFile(join(UPLOADS, req.params.id), { root: process.cwd() });
  });

  // A slow report: it takes 2 seconds to build.
  app.get('/reports/export', async (req, res) => {
    console.log(JSON.stringify({ message: 'export started' }));
    await new Promise((resolve) => setTimeout(resolve, 2000));
    res.json({ orders: (await db.listOrders()).length, done: true });
  });

  // A dependency that is down: every call throws.
  app.get('/reports/returns', () => {
    throw new Error('returns storage is offline');
  });

  return app;
}
