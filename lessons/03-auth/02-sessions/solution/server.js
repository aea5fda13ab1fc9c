import { randomBytes } from 'node:crypto';
import express from 'express';
import { readCookie } from './cookies.js';
import { get, run } from './db.js';
import { hashPassword, verifyPassword } from './passwords.js';

const app = express();
app.use(express.json());

const SESSION_COOKIE = 'sid';
// HttpOnly: page scripts (and XSS) cannot read it. SameSite=Lax: other sites' forms cannot
// send it along on a POST. In production add `secure: true` so it only travels over HTTPS.
const cookieOptions = { httpOnly: true, sameSite: 'lax', path: '/' };

/** The logged-in user for this request, or undefined. */
function currentUser(req) {
  const sessionId = readCookie(req, SESSION_COOKIE);
  if (!sessionId) return undefined;
  return get(
    'SELECT users.id, users.username FROM sessions JOIN users ON users.id = sessions.user_id WHERE sessions.id = ?',
    [sessionId],
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
  if (!user || !(await verifyPassword(String(password), user.password_hash))) {
    return res.status(401).json({ error: 'wrong username or password' });
  }
  // 32 random bytes: nobody can guess another user's session id.
  const sessionId = randomBytes(32).toString('base64url');
  run('INSERT INTO sessions (id, user_id, created_at) VALUES (?, ?, ?)', [sessionId, user.id, new Date().toISOString()]);
  res.cookie(SESSION_COOKIE, sessionId, cookieOptions);
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
  if (sessionId) run('DELETE FROM sessions WHERE id = ?', [sessionId]);
  res.clearCookie(SESSION_COOKIE, cookieOptions);
  res.status(204).end();
});

const port = process.env.PORT ?? 3000;
app.listen(port, () => console.log(`Listening on http://localhost:${port}`));
