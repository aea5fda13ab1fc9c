// Notes vault: hashed passwords, expiring hashed sessions in cookies with CSRF tokens, owner-only
// notes, an admin role, JWTs for API clients with CORS for one front-end, a log-in limiter,
// allow-listed sorting, escaped HTML and security headers on every response.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import express from 'express';
import { readCookie } from './cookies.js';
import { all, get, run } from './db.js';
import { escapeHtml } from './html.js';
import { recordFailure, recordSuccess, secondsUntilAllowed } from './login-limiter.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { signToken, verifyToken } from './tokens.js';

const app = express();
app.use(express.json());

const SESSION_COOKIE = 'sid';
const SESSION_LIFETIME_MS = 8 * 60 * 60 * 1000;
const cookieOptions = { httpOnly: true, sameSite: 'lax', path: '/' };
const ALLOWED_ORIGIN = process.env.ALLOWED_ORIGIN ?? 'http://localhost:5173';

// Security headers on every response, before anything else.
app.use((req, res, next) => {
  res.set({
    'Content-Security-Policy': "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
  });
  next();
});

/** The sessions table holds the SHA-256 of each id, never the id. */
const storedId = (sessionId) => createHash('sha256').update(sessionId).digest('hex');

/** A session's CSRF token: an HMAC of its id under a key of this process. */
const CSRF_KEY = randomBytes(32);
const csrfTokenFor = (sessionId) => createHash('sha256').update(CSRF_KEY).update(sessionId).digest('base64url');

/** Sets req.user and req.sessionId from a live session cookie, or answers 401. */
function requireSession(req, res, next) {
  const sessionId = readCookie(req, SESSION_COOKIE);
  const oldestValid = new Date(Date.now() - SESSION_LIFETIME_MS).toISOString();
  req.user = sessionId
    ? get(
        `SELECT users.id, users.username, users.role FROM sessions JOIN users ON users.id = sessions.user_id
         WHERE sessions.id = ? AND sessions.created_at > ?`,
        [storedId(sessionId), oldestValid],
      )
    : undefined;
  if (!req.user) return res.status(401).json({ error: 'log in first' });
  req.sessionId = sessionId;
  next();
}

/** State-changing requests with a session cookie must carry the session's CSRF token. */
function requireCsrfToken(req, res, next) {
  const expected = Buffer.from(csrfTokenFor(req.sessionId));
  const sent = Buffer.from(String(req.get('x-csrf-token') ?? ''));
  if (sent.length !== expected.length || !timingSafeEqual(sent, expected)) {
    return res.status(403).json({ error: 'missing or wrong X-CSRF-Token' });
  }
  next();
}

function requireAdmin(req, res, next) {
  if (req.user.role !== 'admin') return res.status(403).json({ error: 'administrators only' });
  next();
}

/** A user whose password matches, or undefined; scrypt runs either way. */
async function checkPassword(username, password) {
  const user = get('SELECT * FROM users WHERE username = ?', [String(username)]);
  const matches = await verifyPassword(String(password), user?.password_hash);
  return user && matches ? user : undefined;
}

app.post('/signup', async (req, res) => {
  // Only username and password are read: the role is never taken from the request.
  const { username, password } = req.body ?? {};
  if (typeof username !== 'string' || username === '' || typeof password !== 'string' || password.length < 8) {
    return res.status(400).json({ error: 'username and a password of at least 8 characters are required' });
  }
  if (get('SELECT id FROM users WHERE username = ?', [username])) {
    return res.status(409).json({ error: 'that username is taken' });
  }
  const { lastId } = run('INSERT INTO users (username, password_hash) VALUES (?, ?)', [username, await hashPassword(password)]);
  res.status(201).json({ id: lastId, username });
});

app.post('/login', async (req, res) => {
  const name = String(req.body?.username).toLowerCase();
  const wait = secondsUntilAllowed(name, req.ip);
  if (wait > 0) {
    res.set('Retry-After', String(wait));
    return res.status(429).json({ error: `too many failed attempts; try again in ${wait} seconds` });
  }
  const user = await checkPassword(req.body?.username, req.body?.password);
  if (!user) {
    recordFailure(name, req.ip);
    return res.status(401).json({ error: 'wrong username or password' });
  }
  recordSuccess(name);
  const sessionId = randomBytes(32).toString('base64url');
  run('INSERT INTO sessions (id, user_id, created_at) VALUES (?, ?, ?)', [storedId(sessionId), user.id, new Date().toISOString()]);
  res.cookie(SESSION_COOKIE, sessionId, { ...cookieOptions, maxAge: SESSION_LIFETIME_MS });
  res.json({ id: user.id, username: user.username });
});

app.get('/me', requireSession, (req, res) => {
  res.json({ ...req.user, csrfToken: csrfTokenFor(req.sessionId) });
});

app.post('/logout', requireSession, requireCsrfToken, (req, res) => {
  run('DELETE FROM sessions WHERE id = ?', [storedId(req.sessionId)]);
  res.clearCookie(SESSION_COOKIE, cookieOptions);
  res.status(204).end();
});

// Sorting: identifiers cannot be placeholders, so they come from allow-lists.
const SORT_COLUMNS = new Map([
  ['id', 'id'],
  ['text', 'text'],
]);
const DIRECTIONS = new Map([
  ['asc', 'ASC'],
  ['desc', 'DESC'],
]);

app.get('/notes', requireSession, (req, res) => {
  const column = SORT_COLUMNS.get(String(req.query.sort ?? 'id'));
  const direction = DIRECTIONS.get(String(req.query.dir ?? 'asc').toLowerCase());
  if (!column || !direction) return res.status(400).json({ error: 'sort must be id or text, and dir asc or desc' });
  res.json(all(`SELECT id, text FROM notes WHERE owner_id = ? ORDER BY ${column} ${direction}, id`, [req.user.id]));
});

app.post('/notes', requireSession, requireCsrfToken, (req, res) => {
  const text = req.body?.text;
  if (typeof text !== 'string' || text === '') return res.status(400).json({ error: 'text is required' });
  const { lastId } = run('INSERT INTO notes (owner_id, text) VALUES (?, ?)', [req.user.id, text]);
  res.status(201).json({ id: lastId, text });
});

/** The caller's note with this id; otherwise answers 404 or 403 and returns undefined. */
function ownNote(req, res) {
  const note = get('SELECT id, owner_id, text FROM notes WHERE id = ?', [Number(req.params.id)]);
  if (!note) return void res.status(404).json({ error: 'no such note' });
  if (note.owner_id !== req.user.id) return void res.status(403).json({ error: 'not your note' });
  return note;
}

app.get('/notes/:id', requireSession, (req, res) => {
  const note = ownNote(req, res);
  if (note) res.json({ id: note.id, text: note.text });
});

app.get('/notes/:id/page', requireSession, (req, res) => {
  const note = ownNote(req, res);
  if (!note) return;
  res.send(`<!doctype html>
<html lang="en">
<meta charset="utf-8">
<title>Note ${note.id}</title>
<h1>Note ${note.id}</h1>
<p>${escapeHtml(note.text)}</p>
</html>`);
});

app.get('/admin/users', requireSession, requireAdmin, (req, res) => {
  res.json(all('SELECT id, username, role FROM users ORDER BY id'));
});

// API clients: a JWT instead of a cookie, readable from one browser front-end.
app.post('/token', async (req, res) => {
  const user = await checkPassword(req.body?.username, req.body?.password);
  if (!user) return res.status(401).json({ error: 'wrong username or password' });
  res.json({ token: await signToken(user) });
});

const api = express.Router();
api.use((req, res, next) => {
  res.vary('Origin');
  if (req.get('origin') !== ALLOWED_ORIGIN) return next();
  res.set('Access-Control-Allow-Origin', ALLOWED_ORIGIN);
  if (req.method === 'OPTIONS') {
    res.set('Access-Control-Allow-Methods', 'GET');
    res.set('Access-Control-Allow-Headers', 'Authorization');
    return res.status(204).end();
  }
  next();
});
api.use(async (req, res, next) => {
  const token = req.get('authorization')?.match(/^Bearer (.+)$/)?.[1];
  try {
    const claims = token ? await verifyToken(token) : undefined;
    req.user = claims ? get('SELECT id, username, role FROM users WHERE id = ?', [Number(claims.sub)]) : undefined;
  } catch {
    req.user = undefined;
  }
  if (!req.user) {
    res.set('WWW-Authenticate', 'Bearer realm="notes"');
    return res.status(401).json({ error: 'send Authorization: Bearer <token>' });
  }
  next();
});
api.get('/notes', (req, res) => {
  res.json(all('SELECT id, text FROM notes WHERE owner_id = ? ORDER BY id', [req.user.id]));
});
app.use('/api', api);

const port = process.env.PORT ?? 3000;
app.listen(port, () => console.log(`Listening on http://localhost:${port}`));
