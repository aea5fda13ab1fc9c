// Account settings behind a log-in form. The browser sends the session cookie with every
// request to this site — also with a form another site makes it submit — so every form that
// changes something carries a CSRF token: a secret of the session that only our own pages know.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import express from 'express';
import { readCookie } from './cookies.js';
import { escapeHtml } from './html.js';
import { verifyPassword } from './passwords.js';

const app = express();
// Forms post application/x-www-form-urlencoded bodies.
app.use(express.urlencoded({ extended: false }));

/** One demo account: ada / correct horse battery staple (stored as a scrypt hash). */
const users = new Map([
  ['ada', { passwordHash: 'scrypt$131072$8$1$53e2cfba3a14305f213c7e27aeb1b094$973e09ca0cbba1a91e6f023fa8c5260f1ab50510a88e9b499dfa803f7828ecff127d0e923a85a7796d535a73be8a044426a073c3eabdae6e5c5f7347b5195f68', email: 'ada@example.com' }],
]);

/** session id → { username, csrfToken }. In memory: a restart logs everybody out. */
const sessions = new Map();

const cookieOptions = { httpOnly: true, sameSite: 'none', path: '/' };

/** The session of this request, or undefined. */
function currentSession(req) {
  const id = readCookie(req, 'sid');
  return id === undefined ? undefined : sessions.get(id);
}

const page = (title, body) => `<!doctype html>
<html lang="en">
<meta charset="utf-8">
<title>${title}</title>
<h1>${title}</h1>
${body}
</html>`;

app.get('/login', (req, res) => {
  res.send(
    page(
      'Log in',
      `<form method="post" action="/login">
  <label>Username <input name="username"></label>
  <label>Password <input name="password" type="password"></label>
  <button>Log in</button>
</form>`,
    ),
  );
});

app.post('/login', async (req, res) => {
  const username = String(req.body?.username ?? '');
  const user = users.get(username);
  const matches = await verifyPassword(String(req.body?.password ?? ''), user?.passwordHash);
  if (!user || !matches) return res.status(401).send(page('Log in', '<p>Wrong username or password.</p>'));
  const id = randomBytes(32).toString('base64url');
  // The synchroniser token: random, per session, never in a cookie.
  sessions.set(id, { username, csrfToken: randomBytes(32).toString('base64url') });
  res.cookie('sid', id, cookieOptions);
  res.redirect(303, '/settings');
});

app.get('/settings', (req, res) => {
  const session = currentSession(req);
  if (!session) return res.redirect(303, '/login');
  const { email } = users.get(session.username);
  res.send(
    page(
      'Settings',
      `<p>Your e-mail: ${escapeHtml(email)}</p>
<form method="post" action="/settings/email">
  <input type="hidden" name="csrf" value="${escapeHtml(session.csrfToken)}">
  <label>New e-mail <input name="email" type="email"></label>
  <button>Change</button>
</form>`,
    ),
  );
});

app.post('/settings/email', (req, res) => {
  const session = currentSession(req);
  if (!session) return res.status(401).send(page('Settings', '<p>Log in first.</p>'));
  // Before anything changes: a forged form (another site's page) cannot know the token.
  if (!validCsrfToken(session, req.body?.csrf)) {
    return res.status(403).send(page('Settings', '<p>This form has expired. Reload the page and try again.</p>'));
  }
  const email = String(req.body?.email ?? '').trim();
  if (!email.includes('@')) return res.status(400).send(page('Settings', '<p>That is not an e-mail address.</p>'));
  users.get(session.username).email = email;
  res.redirect(303, '/settings');
});

/** Whether `sent` is this session's CSRF token (compared in constant time). */
function validCsrfToken(session, sent) {
  const expected = Buffer.from(session.csrfToken);
  const actual = Buffer.from(String(sent ?? ''));
  // timingSafeEqual needs equal lengths; a token of another length is simply wrong.
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Who is logged in, as JSON (the checks read it). */
app.get('/me', (req, res) => {
  const session = currentSession(req);
  if (!session) return res.status(401).json({ error: 'log in first' });
  res.json({ username: session.username, email: users.get(session.username).email });
});

const port = process.env.PORT ?? 3000;
app.listen(port, () => console.log(`Listening on http://localhost:${port}`));
