// Notes vault: sessions in cookies, hashed passwords, owner-only notes, a log-in rate limit.
import { randomBytes } from 'node:crypto';
import express from 'express';
import { readCookie } from './cookies.js';
import { all, get, run } from './db.js';
import { recordFailure, recordSuccess, secondsUntilAllowed } from './login-limiter.js';
import { hashPassword, verifyPassword } from './passwords.js';

const app = express();
app.use(express.json());

const SESSION_COOKIE = 'sid';
const cookieOptions = { httpOnly: true, sameSite: 'lax', path: '/' };

/** Sets req.user from the session cookie, or answers 401. */
function requireUser(req, res, next) {
  const sessionId = readCookie(req, SESSION_COOKIE);
  req.user = sessionId
    ? get('SELECT users.id, users.username FROM sessions JOIN users ON users.id = sessions.user_id WHERE sessions.id = ?', [sessionId])
    : undefined;
  if (!req.user) return res.status(401).json({ error: 'log in first' });
  next();
}

app.post('/signup', async (req, res) => {
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
  const { username, password } = req.body ?? {};
  const key = String(username).toLowerCase();
  const wait = secondsUntilAllowed(key);
  if (wait > 0) {
    res.set('Retry-After', String(wait));
    return res.status(429).json({ error: `too many failed attempts; try again in ${wait} seconds` });
  }
  const user = get('SELECT * FROM users WHERE username = ?', [String(username)]);
  if (!user || !(await verifyPassword(String(password), user.password_hash))) {
    recordFailure(key);
    return res.status(401).json({ error: 'wrong username or password' });
  }
  recordSuccess(key);
  const sessionId = randomBytes(32).toString('base64url');
  run('INSERT INTO sessions (id, user_id, created_at) VALUES (?, ?, ?)', [sessionId, user.id, new Date().toISOString()]);
  res.cookie(SESSION_COOKIE, sessionId, cookieOptions);
  res.json({ id: user.id, username: user.username });
});

app.post('/logout', (req, res) => {
  const sessionId = readCookie(req, SESSION_COOKIE);
  if (sessionId) run('DELETE FROM sessions WHERE id = ?', [sessionId]);
  res.clearCookie(SESSION_COOKIE, cookieOptions);
  res.status(204).end();
});

app.get('/notes', requireUser, (req, res) => {
  res.json(all('SELECT id, text FROM notes WHERE owner_id = ? ORDER BY id', [req.user.id]));
});

app.post('/notes', requireUser, (req, res) => {
  const text = req.body?.text;
  if (typeof text !== 'string' || text === '') return res.status(400).json({ error: 'text is required' });
  const { lastId } = run('INSERT INTO notes (owner_id, text) VALUES (?, ?)', [req.user.id, text]);
  res.status(201).json({ id: lastId, text });
});

app.get('/notes/:id', requireUser, (req, res) => {
  const note = get('SELECT id, owner_id, text FROM notes WHERE id = ?', [Number(req.params.id)]);
  if (!note) return res.status(404).json({ error: 'no such note' });
  if (note.owner_id !== req.user.id) return res.status(403).json({ error: 'not your note' });
  res.json({ id: note.id, text: note.text });
});

const port = process.env.PORT ?? 3000;
app.listen(port, () => console.log(`Listening on http://localhost:${port}`));
