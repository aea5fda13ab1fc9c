import express from 'express';
import { get, run } from './db.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { signToken, verifyToken } from './tokens.js';

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
  const user = get('SELECT * FROM users WHERE username = ?', [String(username)]);
  // scrypt runs whether or not the user exists: the answer time does not reveal usernames.
  const matches = await verifyPassword(String(password), user?.password_hash);
  if (!user || !matches) {
    return res.status(401).json({ error: 'wrong username or password' });
  }
  res.json({ token: await signToken(user) });
});

app.get('/profile', async (req, res) => {
  const token = req.get('authorization')?.match(/^Bearer (.+)$/)?.[1];
  if (!token) return res.status(401).json({ error: 'send Authorization: Bearer <token>' });
  let claims;
  try {
    claims = await verifyToken(token);
  } catch {
    return res.status(401).json({ error: 'invalid or expired token' });
  }
  const user = get('SELECT id, username FROM users WHERE id = ?', [Number(claims.sub)]);
  if (!user) return res.status(401).json({ error: 'invalid or expired token' });
  res.json(user);
});

const port = process.env.PORT ?? 3000;
app.listen(port, () => console.log(`Listening on http://localhost:${port}`));
