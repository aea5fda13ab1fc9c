import express from 'express';
import { get, run } from './db.js';
import { recordFailure, recordSuccess, secondsUntilAllowed } from './login-limiter.js';
import { hashPassword, verifyPassword } from './passwords.js';

const app = express();
app.use(express.json());

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
  // Keyed by the account being attacked (attackers rotating addresses still hit it) and by
  // the address (one address spraying a password over many accounts hits that).
  const name = String(username).toLowerCase();
  const wait = secondsUntilAllowed(name, req.ip);
  if (wait > 0) {
    res.set('Retry-After', String(wait));
    return res.status(429).json({ error: `too many failed attempts; try again in ${wait} seconds` });
  }
  const user = get('SELECT * FROM users WHERE username = ?', [String(username)]);
  // scrypt runs whether or not the user exists: the answer time does not reveal usernames.
  const matches = await verifyPassword(String(password), user?.password_hash);
  if (!user || !matches) {
    recordFailure(name, req.ip);
    return res.status(401).json({ error: 'wrong username or password' });
  }
  recordSuccess(name);
  res.json({ id: user.id, username: user.username });
});

const port = process.env.PORT ?? 3000;
app.listen(port, () => console.log(`Listening on http://localhost:${port}`));
