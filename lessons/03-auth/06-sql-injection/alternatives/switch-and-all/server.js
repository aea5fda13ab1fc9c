import express from 'express';
import { all, get } from './db.js';

const app = express();
// Forms post application/x-www-form-urlencoded bodies.
app.use(express.urlencoded({ extended: false }));

const page = (message) => `<!doctype html>
<title>Staff log-in</title>
<h1>Staff log-in</h1>
<p>${message}</p>
<form method="post" action="/login">
  <label>Username <input name="username"></label>
  <label>Password <input name="password" type="password"></label>
  <button>Log in</button>
</form>`;

app.get('/', (req, res) => {
  res.send(page('Please log in.'));
});

app.post('/login', (req, res) => {
  const { username = '', password = '' } = req.body ?? {};
  // Placeholders: the values travel separately from the SQL text, so quotes in them are
  // just characters and can never change the query.
  const [user] = all('SELECT id, username FROM staff WHERE username = ?1 AND password = ?2', [String(username), String(password)]);
  if (!user) return res.status(401).send(page('Wrong username or password.'));
  // escapeHtml would be needed if usernames could contain markup; these are staff-created.
  res.send(`<!doctype html><title>Welcome</title><h1>Welcome, ${user.username}</h1>`);
});

/** The ORDER BY column for a request's sort word, or undefined: a switch is an allow-list too. */
function sortColumn(word) {
  switch (word) {
    case 'username':
      return 'username';
    case 'id':
      return 'id';
    default:
      return undefined;
  }
}

app.get('/staff', (req, res) => {
  const column = sortColumn(req.query.sort ?? 'username');
  const dir = String(req.query.dir ?? 'asc').toUpperCase();
  if (column === undefined || (dir !== 'ASC' && dir !== 'DESC')) {
    return res.status(400).json({ error: 'unsupported sort', allowed: { sort: ['username', 'id'], dir: ['asc', 'desc'] } });
  }
  const rows = all(`SELECT id, username FROM staff ORDER BY ${column} ${dir === 'DESC' ? 'DESC' : 'ASC'}`);
  res.json(rows);
});

const port = process.env.PORT ?? 3000;
app.listen(port, () => console.log(`Listening on http://localhost:${port}`));
