import express from 'express';
import { all, get, run } from './db.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { signToken, verifyToken } from './tokens.js';

const app = express();
app.use(express.json());

/**
 * 401: we don't know who you are (no or bad credentials) — log in and try again. RFC 9110
 * requires a 401 to say how to authenticate: WWW-Authenticate names the scheme (RFC 6750 for
 * bearer tokens).
 */
function unauthenticated(res, challenge) {
  res.set('WWW-Authenticate', challenge);
  return res.status(401).json({ error: 'log in first' });
}

/** Authentication: who is calling? Sets req.user from the bearer token. */
async function requireUser(req, res, next) {
  const token = req.get('authorization')?.match(/^Bearer (.+)$/)?.[1];
  if (!token) return unauthenticated(res, 'Bearer realm="notes"');
  try {
    const claims = await verifyToken(token);
    req.user = get('SELECT id, username, role FROM users WHERE id = ?', [Number(claims.sub)]);
  } catch {
    req.user = undefined;
  }
  if (!req.user) return unauthenticated(res, 'Bearer realm="notes", error="invalid_token"');
  next();
}

/** Authorization: may this known user do this? 403 = yes we know you, and no. */
function requireAdmin(req, res, next) {
  if (req.user.role !== 'admin') return res.status(403).json({ error: 'administrators only' });
  next();
}

/** The note with this id if `user` owns it; otherwise sends 404 or 403 and returns undefined. */
function ownNote(req, res) {
  const note = get('SELECT * FROM notes WHERE id = ?', [Number(req.params.id)]);
  if (!note) {
    res.status(404).json({ error: 'no such note' });
    return undefined;
  }
  if (note.owner_id !== req.user.id) {
    res.status(403).json({ error: 'not your note' });
    return undefined;
  }
  return note;
}

app.post('/signup', async (req, res) => {
  // Never take the role from the request: anyone could send "role": "admin".
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

app.post('/notes', requireUser, (req, res) => {
  const text = String(req.body?.text ?? '');
  const { lastId } = run('INSERT INTO notes (owner_id, text) VALUES (?, ?)', [req.user.id, text]);
  res.status(201).json({ id: lastId, text });
});

app.get('/notes/:id', requireUser, (req, res) => {
  const note = ownNote(req, res);
  if (note) res.json(note);
});

app.delete('/notes/:id', requireUser, (req, res) => {
  run('DELETE FROM notes WHERE id = ?', [Number(req.params.id)]);
  const note = ownNote(req, res);
  if (!note) return;
  res.status(204).end();
});

app.get('/admin/users', requireUser, requireAdmin, (req, res) => {
  res.json(all('SELECT id, username, role FROM users ORDER BY id'));
});

const port = process.env.PORT ?? 3000;
app.listen(port, () => console.log(`Listening on http://localhost:${port}`));
