import express from 'express';
import { readCookie } from './cookies.js';
import { get, run } from './db.js';
import { hashPassword, verifyPassword } from './passwords.js';

const app = express();
app.use(express.json());

/** The logged-in user for this request, or undefined. */
function currentUser(req) {
  const sessionId = readCookie(req, 'sid');
  // TODO: look the session up in the sessions table (by the SHA-256 of its id), refuse it once
  // it is older than 8 hours, and return its user.
  return undefined;
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
  // TODO: create a session (store the SHA-256 of its random id) and send the id in a cookie
  // named "sid": HttpOnly, SameSite=Lax, Path=/, Max-Age of 8 hours.
  res.json({ id: user.id, username: user.username });
});

app.get('/me', (req, res) => {
  const user = currentUser(req);
  if (!user) return res.status(401).json({ error: 'log in first' });
  res.json(user);
});

app.post('/logout', (req, res) => {
  // TODO: end the session on the server and clear the cookie.
  res.status(204).end();
});

const port = process.env.PORT ?? 3000;
app.listen(port, () => console.log(`Listening on http://localhost:${port}`));
