/** The orders service, wired with Routers and middleware. */
import { createHash, randomUUID } from 'node:crypto';
import express from 'express';
import { CatalogError, createCatalog } from './catalog.js';
import { db } from './db.js';
import { openapi } from './openapi.js';
import { attachmentsRouter } from './uploads.js';

const DAY = 24 * 60 * 60 * 1000;

function logRequests(req, res, next) {
  const given = req.headers['x-request-id'];
  req.id = typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
  res.setHeader('X-Request-Id', req.id);
  const start = process.hrtime.bigint();
  // Read now: inside a mounted Router, req.path is relative to the mount point.
  const { method, path } = req;
  res.once('finish', () => {
    const durationMs = Number(process.hrtime.bigint() - start) / 1e6;
    console.log(JSON.stringify({ level: 'info', durationMs, status: res.statusCode, path, method, requestId: req.id }));
  });
  next();
}

/** Replays the answer remembered for a key; remembers 201 answers for a day. */
function idempotent() {
  const seen = new Map();
  return (req, res, next) => {
    const key = req.header('Idempotency-Key');
    if (!key) return res.status(400).json({ error: 'Idempotency-Key header required' });
    const fingerprint = JSON.stringify([req.body?.productId, req.body?.quantity]);
    const previous = seen.get(key);
    if (previous && Date.now() < previous.until) {
      if (previous.fingerprint !== fingerprint) return res.status(422).json({ error: 'Idempotency-Key reused with a different body' });
      return res.status(previous.status).json(previous.body);
    }
    const json = res.json.bind(res);
    res.json = (body) => {
      if (res.statusCode === 201) seen.set(key, { fingerprint, status: 201, body, until: Date.now() + DAY });
      return json(body);
    };
    next();
  };
}

function productsRouter(catalog) {
  const router = express.Router();
  router.get('/:id', async (req, res) => {
    let found;
    try {
      found = await catalog.getProduct(req.params.id);
    } catch (error) {
      if (!(error instanceof CatalogError)) throw error;
      return res.status(502).json({ error: 'catalog unavailable' });
    }
    if (!found) return res.status(404).json({ error: 'product not found' });
    res.json(found);
  });
  router.put('/:id', async (req, res) => {
    try {
      res.json(await catalog.putProduct(req.params.id, req.body));
    } catch (error) {
      if (!(error instanceof CatalogError)) throw error;
      res.status(502).json({ error: 'catalog unavailable' });
    }
  });
  return router;
}

function ordersRouter() {
  const router = express.Router();
  router.get('/', async (req, res) => {
    const payload = Buffer.from(JSON.stringify(await db.listOrders()));
    const tag = `"${createHash('md5').update(payload).digest('hex')}"`;
    res.setHeader('ETag', tag);
    res.setHeader('Cache-Control', 'no-cache');
    const wanted = (req.headers['if-none-match'] ?? '').split(',').map((t) => t.trim());
    if (wanted.includes('*') || wanted.some((t) => t === tag || t === `W/${tag}`)) return res.sendStatus(304);
    res.status(200).type('json').end(payload);
  });
  router.post('/', idempotent(), async (req, res) => {
    const { productId, quantity } = req.body ?? {};
    const valid = Number.isSafeInteger(productId) && productId > 0 && Number.isSafeInteger(quantity) && quantity >= 1 && quantity <= 100;
    if (!valid) return res.status(400).json({ error: 'productId and quantity (1-100) must be integers' });
    const reserved = await fetch('https://warehouse.test/reservations', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ productId, quantity }),
    }).catch(() => null);
    if (!reserved?.ok) return res.status(502).json({ error: 'warehouse unavailable' });
    const { reservationId } = await reserved.json();
    res.status(201).json(await db.insertOrder({ productId, quantity, reservationId }));
  });
  return router;
}

export function createApp({ catalogApiKey }) {
  const app = express();
  app.set('etag', false);
  app.use(logRequests, express.json());
  app.get('/healthz', (req, res) => res.json({ status: 'ok' }));
  app.get('/readyz', (req, res) =>
    db.ping().then(
      () => res.json({ status: 'ready' }),
      () => res.status(503).json({ status: 'not ready' }),
    ),
  );
  app.get('/openapi.json', (req, res) => res.json(openapi));
  app.use('/products', productsRouter(createCatalog({ apiKey: catalogApiKey })));
  app.use('/orders', ordersRouter());
  app.use('/attachments', attachmentsRouter());
  app.get('/reports/export', async (req, res) => {
    console.log(JSON.stringify({ message: 'export started' }));
    await new Promise((resolve) => setTimeout(resolve, 2000));
    res.json({ orders: (await db.listOrders()).length, done: true });
  });
  app.get('/reports/returns', () => {
    throw new Error('returns storage is offline');
  });
  app.use((req, res) => res.status(404).json({ error: 'not found' }));
  // eslint-disable-next-line no-unused-vars
  app.use((err, req, res, next) => {
    if (err.type === 'entity.parse.failed') return res.status(400).json({ error: 'invalid JSON' });
    console.error(JSON.stringify({ requestId: req.id, level: 'error', error: { message: err.message, stack: err.stack } }));
    res.status(500).json({ error: 'something went wrong' });
  });
  return app;
}
