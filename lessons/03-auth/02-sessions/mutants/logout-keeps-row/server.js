import { createHash, randomBytes } from 'node:crypto';
import express from 'express';
import { readCookie } from './cookies.js';
import { get, run } from './db.js';
import { hashPassword, verifyPassword } from './passwords.js';

const app = express();
app.use(express.json());

const SESSION_COOKIE = 'sid';
// An absolute lifetime: a stolen cookie stops working within 8 hours, whatever happens.
const SESSION_LIFETIME_MS = 8 * 60 * 60 * 1000;
// HttpOnly: page scripts (and XSS) cannot read it. SameSite=Lax: other sites' forms cannot
// send it along on a POST. Path=/: every route sees it. In production add `secure: true` so it
// only travels over HTTPS.
const cookieOptions = { httpOnly: true, sameSite: 'lax', path: '/' };

/**
 * What the sessions table stores for a session id: its SHA-256. A leaked table (a backup, an
 * SQL injection) then holds no id anyone can send back. A fast hash is enough here: the id is
 * 256 random bits, so there is nothing to guess — unlike a password.
 */
const storedId = (sessionId) => createHash('sha256').update(sessionId).digest('hex');

/** The logged-in user for this request, or undefined. */
function currentUser(req) {
  const sessionId = readCookie(req, SESSION_COOKIE);
  if (!sessionId) return undefined;
  // The time comes from JavaScript, not SQLite's datetime('now'): one clock for the whole app.
  const oldestValid = new Date(Date.now() - SESSION_LIFETIME_MS).toISOString();
  return get(
    `SELECT users.id, users.username FROM sessions JOIN users ON users.id = sessions.user_id
     WHERE sessions.id = ? AND sessions.created_at > ?`,
    [storedId(sessionId), oldestValid],
  );
}

app.post('/signup', async (req, res) => {
  const { username, password } = req.body ?? {};
  if (typeof username !== 'string' || typeof password !== 'string' || password.length < 8) {
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
  const user = get('SELECT * FROM users WHERE username = ?', [String(username)]);
  // scrypt runs whether or not the user exists: the answer time does not reveal usernames.
  const matches = await verifyPassword(String(password), user?.password_hash);
  if (!user || !matches) {
    return res.status(401).json({ error: 'wrong username or password' });
  }
  // 32 random bytes: nobody can guess another user's session id.
  const sessionId = randomBytes(32).toString('base64url');
  run('INSERT INTO sessions (id, user_id, created_at) VALUES (?, ?, ?)', [storedId(sessionId), user.id, new Date().toISOString()]);
  // Max-Age: the browser forgets the cookie when the server would refuse it anyway.
  res.cookie(SESSION_COOKIE, sessionId, { ...cookieOptions, maxAge: SESSION_LIFETIME_MS });
  res.json({ id: user.id, username: user.username });
});

app.get('/me', (req, res) => {
  const user = currentUser(req);
  if (!user) return res.status(401).json({ error: 'log in first' });
  res.json(user);
});

app.post('/logout', (req, res) => {
  const sessionId = readCookie(req, SESSION_COOKIE);
  // Deleting the row is what logs out: a copied cookie must stop working too.
  res.clearCookie(SESSION_COOKIE, cookieOptions);
  res.status(204).end();
});

const port = process.env.PORT ?? 3000;
app.listen(port, () => console.log(`Listening on http://localhost:${port}`));
