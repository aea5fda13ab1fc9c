import express from 'express';
import { all, get, run } from './db.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { signToken, verifyToken } from './tokens.js';

const app = express();
app.use(express.json());

/** Authentication: who is calling? Sets req.user from the bearer token. */
async function requireUser(req, res, next) {
  const token = req.get('authorization')?.match(/^Bearer (.+)$/)?.[1];
  if (!token) return res.status(403).json({ error: 'log in first' });
  try {
    const claims = await verifyToken(token);
    req.user = get('SELECT id, username, role FROM users WHERE id = ?', [Number(claims.sub)]);
  } catch {
    req.user = undefined;
  }
  if (!req.user) return res.status(403).json({ error: 'log in first' });
  next();
}

app.post('/signup', async (req, res) => {
  const { username, password, role } = req.body ?? {};
  if (typeof username !== 'string' || typeof password !== 'string' || password.length < 8) {
    return res.status(400).json({ error: 'username and a password of at least 8 characters are required' });
  }
  if (get('SELECT id FROM users WHERE username = ?', [username])) {
    return res.status(409).json({ error: 'that username is taken' });
  }
  const { lastId } = run('INSERT INTO users (username, password_hash, role) VALUES (?, ?, ?)', [
    username,
    await hashPassword(password),
    role ?? 'user',
  ]);
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

app.post('/notes', requireUser, (req, res) => {
  const text = String(req.body?.text ?? '');
  const { lastId } = run('INSERT INTO notes (owner_id, text) VALUES (?, ?)', [req.user.id, text]);
  res.status(201).json({ id: lastId, text });
});

app.get('/notes/:id', requireUser, (req, res) => {
  const note = get('SELECT * FROM notes WHERE id = ?', [Number(req.params.id)]);
  if (!note) return res.status(404).json({ error: 'no such note' });
  res.json(note);
});

app.delete('/notes/:id', requireUser, (req, res) => {
  const note = get('SELECT * FROM notes WHERE id = ?', [Number(req.params.id)]);
  if (!note) return res.status(404).json({ error: 'no such note' });
  run('DELETE FROM notes WHERE id = ?', [note.id]);
  res.status(204).end();
});

app.get('/admin/users', requireUser, (req, res) => {
  res.json(all('SELECT id, username, role FROM users ORDER BY id'));
});

const port = process.env.PORT ?? 3000;
app.listen(port, () => console.log(`Listening on http://localhost:${port}`));
