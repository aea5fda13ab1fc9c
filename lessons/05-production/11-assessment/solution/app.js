/**
 * The orders service: products come from the catalog service (cached, retried), orders
 * reserve stock at the warehouse (once per Idempotency-Key), and customers attach PNG or PDF
 * files to their paperwork. Every request is logged as one JSON line.
 */
import { createHash } from 'node:crypto';
import express from 'express';
import { CatalogError, createCatalog } from './catalog.js';
import { db } from './db.js';
import { createIdempotencyStore, sameOrderRequest } from './idempotency.js';
import { openapi } from './openapi.js';
import { errorLog, requestLog } from './request-log.js';
import { attachmentsRouter } from './uploads.js';

const WAREHOUSE = 'https://warehouse.test';

/** A strong ETag: a hash of the exact bytes sent, in quotes. */
function etagOf(body) {
  return `"${createHash('sha256').update(body).digest('base64url')}"`;
}

/** If-None-Match holds "*" or a list of ETags, compared weakly (W/"x" matches "x"). */
function noneMatchHits(header, etag) {
  if (header === undefined) return false;
  if (header.trim() === '*') return true;
  const opaque = (tag) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => opaque(tag) === opaque(etag));
}

/** Builds the app; server.js starts it, the tests in test/ start their own. */
export function createApp(config) {
  const app = express();
  // Express would add a weak ETag to every response by itself; this service sets its own.
  app.set('etag', false);
  app.use(requestLog);
  app.use(express.json());

  const catalog = createCatalog({ apiKey: config.catalogApiKey });
  const idempotency = createIdempotencyStore();

  app.get('/healthz', (req, res) => {
    // Liveness only: no database call, or a database outage restarts every instance.
    res.json({ status: 'ok' });
  });

  app.get('/readyz', async (req, res) => {
    try {
      await db.ping();
      res.json({ status: 'ready' });
    } catch {
      res.status(503).json({ status: 'not ready' });
    }
  });

  app.get('/openapi.json', (req, res) => {
    res.json(openapi);
  });

  app.get('/products/:id', async (req, res) => {
    try {
      const product = await catalog.getProduct(req.params.id);
      if (product === undefined) return res.status(404).json({ error: 'no such product' });
      res.json(product);
    } catch (error) {
      if (error instanceof CatalogError) return res.status(502).json({ error: 'the catalog failed' });
      throw error;
    }
  });

  app.put('/products/:id', async (req, res) => {
    try {
      res.json(await catalog.putProduct(req.params.id, req.body ?? {}));
    } catch (error) {
      if (error instanceof CatalogError) return res.status(502).json({ error: 'the catalog failed' });
      throw error;
    }
  });

  app.get('/orders', async (req, res) => {
    const body = JSON.stringify(await db.listOrders());
    const etag = etagOf(body);
    // Both headers go on the 304 too: it refreshes what the cache stored.
    res.set('Cache-Control', 'no-cache');
    res.set('ETag', etag);
    if (noneMatchHits(req.get('if-none-match'), etag)) return res.status(304).end();
    res.type('application/json').send(body);
  });

  app.post('/orders', async (req, res) => {
    const key = req.get('idempotency-key');
    if (key === undefined || key === '') return res.status(400).json({ error: 'send an Idempotency-Key header' });
    const { productId, quantity } = req.body ?? {};
    if (!Number.isInteger(productId) || productId < 1 || !Number.isInteger(quantity) || quantity < 1 || quantity > 100) {
      return res.status(400).json({ error: 'send { "productId": a positive integer, "quantity": 1 to 100 }' });
    }
    const request = { productId, quantity };
    const earlier = idempotency.lookup(key);
    if (earlier !== undefined) {
      if (!sameOrderRequest(earlier.request, request)) return res.status(422).json({ error: 'this Idempotency-Key was used for another order' });
      return res.status(earlier.status).json(earlier.body);
    }
    // Not idempotent: a retried reservation could reserve twice, so it is sent once.
    let answer;
    try {
      answer = await fetch(`${WAREHOUSE}/reservations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) });
    } catch {
      return res.status(502).json({ error: 'the warehouse is unreachable' });
    }
    if (!answer.ok) return res.status(502).json({ error: 'the warehouse failed' });
    const { reservationId } = await answer.json();
    const order = await db.insertOrder({ productId, quantity, reservationId });
    // Only an answer that created something is remembered: a failure may be retried with the same key.
    idempotency.remember(key, request, 201, order);
    res.status(201).json(order);
  });

  app.use(attachmentsRouter());

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

  app.use((req, res) => {
    res.status(404).json({ error: `no route for ${req.method} ${req.path}` });
  });
  app.use(errorLog);

  return app;
}
