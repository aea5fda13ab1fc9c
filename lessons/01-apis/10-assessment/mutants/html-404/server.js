import express from 'express';
import { all, get, run, save } from './db.js';

const app = express();
app.use(express.json());

class HttpError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** A positive whole number from a URL, or a 400. */
function positiveInt(text, name) {
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0) throw new HttpError(400, `${name} must be a positive integer`);
  return value;
}

/** A whole number in [min, max] from a query value (fallback when absent), or a 400. */
function queryInt(text, fallback, min, max, name) {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) throw new HttpError(400, `${name} must be a whole number from ${min} to ${max}`);
  return value;
}

function findEvent(idText) {
  const row = get(
    `SELECT e.id, e.title, e.starts_at, e.capacity, COUNT(r.id) AS registered
       FROM events e LEFT JOIN registrations r ON r.event_id = e.id
      WHERE e.id = ? GROUP BY e.id`,
    [positiveInt(idText, 'id')],
  );
  if (!row) throw new HttpError(404, 'Event not found');
  return row;
}

function toEvent(row) {
  return { id: row.id, title: row.title, startsAt: row.starts_at, capacity: row.capacity, seatsLeft: row.capacity - row.registered };
}

app.get('/events', (req, res) => {
  const limit = queryInt(req.query.limit, 5, 1, 20, 'limit');
  const offset = queryInt(req.query.offset, 0, 0, Number.MAX_SAFE_INTEGER, 'offset');
  const { total } = get('SELECT COUNT(*) AS total FROM events');
  const items = all(
    `SELECT e.id, e.title, e.starts_at, e.capacity, COUNT(r.id) AS registered
       FROM events e LEFT JOIN registrations r ON r.event_id = e.id
      GROUP BY e.id ORDER BY e.starts_at, e.id LIMIT ? OFFSET ?`,
    [limit, offset],
  );
  res.json({ items: items.map(toEvent), total, limit, offset });
});

app.get('/events/:id', (req, res) => {
  res.json(toEvent(findEvent(req.params.id)));
});

app.post('/events/:id/registrations', (req, res) => {
  const event = findEvent(req.params.id);
  const email = req.body?.email;
  if (typeof email !== 'string' || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    throw new HttpError(400, 'email must look like name@example.com');
  }
  if (get('SELECT 1 FROM registrations WHERE event_id = ? AND email = ?', [event.id, email])) {
    throw new HttpError(409, 'This email is already registered for this event');
  }
  if (event.registered >= event.capacity) throw new HttpError(409, 'This event is full');
  const { lastId } = run('INSERT INTO registrations (event_id, email) VALUES (?, ?)', [event.id, email]);
  save();
  res.status(201).location(`/events/${event.id}/registrations/${lastId}`).json({ id: lastId, eventId: event.id, email });
});

app.delete('/events/:id/registrations/:registrationId', (req, res) => {
  const eventId = positiveInt(req.params.id, 'id');
  const registrationId = positiveInt(req.params.registrationId, 'registrationId');
  const { changes } = run('DELETE FROM registrations WHERE id = ? AND event_id = ?', [registrationId, eventId]);
  if (changes === 0) throw new HttpError(404, 'Registration not found');
  save();
  res.sendStatus(204);
});

const FORECAST_URL = 'https://api.weather.test/v1/forecast';

/** One call to the weather service: the Response, undefined when the connection failed, or a 504 on timeout. */
async function fetchForecast(date) {
  try {
    return await fetch(`${FORECAST_URL}?date=${encodeURIComponent(date)}`, { signal: AbortSignal.timeout(2000) });
  } catch (error) {
    if (error.name === 'TimeoutError') throw new HttpError(504, 'The weather service did not answer in time');
    return undefined;
  }
}

app.get('/events/:id/forecast', async (req, res) => {
  const event = findEvent(req.params.id);
  const date = event.starts_at.slice(0, 10);
  let response = await fetchForecast(date);
  if (response === undefined || response.status >= 500) {
    // A GET is safe to repeat: one retry, after a short random wait.
    await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
    response = await fetchForecast(date);
  }
  if (response === undefined || !response.ok) throw new HttpError(502, 'The weather service failed');
  const data = await response.json().catch(() => undefined);
  if (typeof data?.summary !== 'string') throw new HttpError(502, 'The weather service sent an invalid answer');
  res.json({ eventId: event.id, summary: data.summary });
});


app.use((err, req, res, next) => {
  const status = (err.status >= 400 && err.status < 500) || err.status === 502 || err.status === 504 ? err.status : 500;
  if (status === 500) {
    console.error(err);
    return res.status(500).json({ error: 'Internal Server Error' });
  }
  res.status(status).json({ error: err.type === 'entity.parse.failed' ? 'The request body is not valid JSON' : err.message });
});

const port = process.env.PORT ?? 3000;
app.listen(port, () => {
  console.log(`Server listening on http://localhost:${port}`);
});
