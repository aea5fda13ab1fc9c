import express from 'express';
import { CouponServiceError, findCoupon, UnknownCouponError } from './coupons.js';

const app = express();
app.use(express.json());

const PRICES = { notebook: 350, pen: 1200, lamp: 2400 };

app.get('/health', (req, res) => {
  res.json({ ok: true });
});

/** An order for `items` ([{ product, quantity }]), or undefined when they are invalid. */
function priceOrder(items) {
  if (!Array.isArray(items) || items.length === 0) return undefined;
  let totalCents = 0;
  for (const { product, quantity } of items) {
    if (!(product in PRICES) || !Number.isInteger(quantity) || quantity < 1) return undefined;
    totalCents += PRICES[product] * quantity;
  }
  return { items, totalCents };
}

// async + await: a rejected findCoupon now lands in this handler's catch (and anything we
// don't catch reaches Express 5's error handler) instead of floating free and killing Node.
app.post('/orders', async (req, res) => {
  const order = priceOrder(req.body?.items);
  if (!order) return res.status(400).json({ error: 'items must be [{ product, quantity }] with known products' });
  const code = req.body.coupon;
  if (!code) return res.status(201).json(order);
  let coupon;
  try {
    coupon = await findCoupon(code);
  } catch (error) {
    console.error(error);
    return res.status(201).json(order);
  }
  const discountCents = Math.round((order.totalCents * coupon.percentOff) / 100);
  res.status(201).json({ ...order, coupon: code, totalCents: order.totalCents - discountCents });
});

const port = process.env.PORT ?? 3000;
app.listen(port, () => console.log(`Listening on http://localhost:${port}`));
